"""The yardstick for the bundle budgets: a QMainWindow with a QPlainTextEdit, nothing more.

bench_bundle.py bundles it with the same recipe as Composer (packaging/bundling.py).
"""

import sys

from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("Minimal")
    window.setCentralWidget(QPlainTextEdit())
    window.resize(1280, 800)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
