"""The menu bar and its shortcuts, so everything is reachable from the keyboard."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu


@dataclass
class Actions:
    new: QAction
    new_reply: QAction
    complaints: QAction
    save: QAction
    export: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    find: QAction
    approve: QAction
    revisions: QAction
    disclosure: QAction
    accounts: QAction
    profile: QAction
    help_finding: QAction
    next_finding: QAction
    previous_finding: QAction
    apply_fix: QAction
    schedule: QAction
    next_slot: QAction
    calendar: QAction
    history_view: QAction
    evergreen: QAction
    publish: QAction
    show_thread: QAction
    reply_on_post: QAction
    compare_live: QAction
    submit_review: QAction
    review_decisions: QAction
    legal_hold: QAction
    retire: QAction
    slots: QAction
    welcome: QAction
    shortcuts: QAction
    about: QAction
    snippets: QAction
    insert_snippet: QAction
    reload_rules: QAction
    snippet_menu: QMenu
    copy_menu: QMenu
    post_menu: QMenu


def _action(
    window: QMainWindow, text: str, shortcut: str | QKeySequence.StandardKey | None, tip: str = ""
) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
    window.addAction(action)  # shortcuts work even while the menu bar is hidden
    return action


def build(window: QMainWindow) -> Actions:
    a = Actions(
        new=_action(window, "&New Draft", "Ctrl+N", "Start a new post"),
        new_reply=_action(
            window, "New &Reply", "Ctrl+R", "Answer a comment or review (paste it first)"
        ),
        complaints=_action(
            window, "&Complaint Register…", None, "Complaints recorded word for word"
        ),
        save=_action(window, "&Save", "Ctrl+S", "Save now (Composer also saves as you type)"),
        export=_action(window, "&Export…", "Ctrl+E", "Export approved posts"),
        quit=_action(window, "&Quit", "Ctrl+Q", "Save and quit"),
        undo=_action(window, "&Undo", QKeySequence.StandardKey.Undo),
        redo=_action(window, "&Redo", QKeySequence.StandardKey.Redo),
        find=_action(window, "&Find in History", "Ctrl+F", "Search your posts"),
        approve=_action(window, "&Approve…", "Ctrl+Shift+A", "Sign off on this post"),
        revisions=_action(
            window, "Earlier &Versions…", "Ctrl+Shift+H", "See and restore an earlier version"
        ),
        disclosure=_action(window, "Insert &Disclosure", None, "Your disclosure from the profile"),
        accounts=_action(window, "&Accounts…", None, "Your social accounts"),
        profile=_action(window, "&Profile and Settings…", None, "Name, license, disclosures"),
        help_finding=_action(window, "&Explain This Finding", "F1", "Help on the finding here"),
        next_finding=_action(window, "&Next Finding", "F8", "Go to the next underlined words"),
        previous_finding=_action(
            window, "P&revious Finding", "Shift+F8", "Go to the previous underlined words"
        ),
        schedule=_action(window, "&Schedule…", "Ctrl+T", "Set when this post goes out"),
        next_slot=_action(
            window, "Add to &Next Free Slot", "Ctrl+Shift+T", "The first free weekly slot"
        ),
        calendar=_action(
            window, "&Calendar", "Ctrl+Shift+L", "Posts by date beside the editor: week, month"
        ),
        history_view=_action(window, "&History", "Ctrl+Shift+Y", "Every post, newest first"),
        evergreen=_action(window, "E&vergreen…", None, "Bring this post back after a cooldown"),
        publish=_action(window, "Mark as &Published…", None, "Where and when this post ran"),
        show_thread=_action(
            window, "Show &Thread…", "Ctrl+Shift+R", "This post's comments and your replies"
        ),
        reply_on_post=_action(
            window, "Reply to a Comment on This P&ost…", None, "A new reply in this post's thread"
        ),
        compare_live=_action(
            window, "Compare with &Live Text…", None, "Is the text on the network the approved one?"
        ),
        submit_review=_action(
            window, "Su&bmit for Review…", None, "Send the approved post to a reviewer"
        ),
        review_decisions=_action(
            window, "I&mport Review Decisions…", None, "The reviewer's decisions file"
        ),
        legal_hold=_action(window, "Le&gal Hold", None, "Keep this post: it cannot be deleted"),
        retire=_action(window, "Re&tire…", None, "This post is no longer in use"),
        slots=_action(window, "Posting S&lots…", None, "The times you like to post each week"),
        apply_fix=_action(
            window, "Apply Suggested &Fix", "Ctrl+.", "Use the first suggestion for the words here"
        ),
        welcome=_action(window, "Show &Welcome", None),
        shortcuts=_action(window, "&Keyboard Shortcuts", None, "Every shortcut in one list"),
        about=_action(window, "&About Composer", None),
        snippets=_action(window, "S&nippets…", None, "Texts you insert often"),
        insert_snippet=_action(window, "Insert S&nippet…", "Ctrl+Shift+I", "Pick a snippet"),
        reload_rules=_action(
            window, "&Reload Custom Rules", None, "Apply changes to your own rule packs now"
        ),
        snippet_menu=QMenu("Insert &Snippet", window),
        copy_menu=QMenu("&Copy Approved Text", window),
        post_menu=QMenu("&Post", window),
    )
    a.legal_hold.setCheckable(True)
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    for action in (a.new, a.new_reply, a.save, None, a.export, a.complaints, None, a.quit):
        file_menu.addSeparator() if action is None else file_menu.addAction(action)
    edit_menu = bar.addMenu("&Edit")
    for action in (a.undo, a.redo, None, a.insert_snippet, None, a.find):
        edit_menu.addSeparator() if action is None else edit_menu.addAction(action)
    post_menu = a.post_menu
    bar.addMenu(post_menu)
    post_menu.addActions([a.approve, a.submit_review, a.review_decisions])
    post_menu.addSeparator()
    post_menu.addActions([a.schedule, a.next_slot, a.evergreen])
    post_menu.addSeparator()
    post_menu.addActions([a.publish, a.compare_live, a.legal_hold, a.retire])
    post_menu.addSeparator()
    post_menu.addActions([a.show_thread, a.reply_on_post])
    post_menu.addSeparator()
    post_menu.addActions([a.next_finding, a.previous_finding, a.apply_fix])
    post_menu.addSeparator()
    post_menu.addAction(a.disclosure)
    post_menu.addMenu(a.snippet_menu)
    post_menu.addMenu(a.copy_menu)
    post_menu.addAction(a.revisions)
    view_menu = bar.addMenu("&View")  # the left column: one of the two
    for action in (a.history_view, a.calendar):
        action.setCheckable(True)
        view_menu.addAction(action)
    a.history_view.setChecked(True)
    tools = bar.addMenu("&Settings")
    tools.addAction(a.accounts)
    tools.addAction(a.profile)
    tools.addAction(a.snippets)
    tools.addAction(a.slots)
    tools.addSeparator()
    tools.addAction(a.reload_rules)
    help_menu = bar.addMenu("&Help")
    for action in (a.help_finding, a.shortcuts, a.welcome, None, a.about):
        help_menu.addSeparator() if action is None else help_menu.addAction(action)
    for action in (a.new_reply, a.complaints, a.show_thread, a.reply_on_post):  # until open
        action.setEnabled(False)
    return a
