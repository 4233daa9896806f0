; Inno Setup 6 script for Composer: a per-user install that needs no administrator rights.
; Built by packaging/build.py, which passes the version and folders:
;   ISCC /DAppVersion=0.1.0 /DSourceDir=dist\Composer /DOutputDir=dist
;        /DIconFile=resources\icons\composer.ico packaging\windows\composer.iss
; The uninstaller removes only what setup installed: the agent's library, settings and
; backups live in %APPDATA%\Composer, which setup never touches, so they stay.

#ifndef AppVersion
  #error Pass /DAppVersion=<version> (packaging/build.py does)
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\Composer"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef IconFile
  #define IconFile "..\..\resources\icons\composer.ico"
#endif

[Setup]
; A fixed AppId lets later versions upgrade this install in place. Never change it.
AppId={{6C1F3A52-8E4B-4E7B-9C2D-5A0E7B3D9F41}
AppName=Composer
AppVersion={#AppVersion}
AppVerName=Composer {#AppVersion}
AppPublisher=Composer
; Per user: installs under %LOCALAPPDATA%\Programs, no UAC prompt.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\Composer
DefaultGroupName=Composer
DisableProgramGroupPage=yes
UninstallDisplayName=Composer
UninstallDisplayIcon={app}\Composer.exe
SetupIconFile={#IconFile}
OutputDir={#OutputDir}
OutputBaseFilename=Composer-Setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle. An upgrade replaces the program files; stale ones from an
; older version are removed first, so a dropped library never lingers beside a new one.
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\Composer"; Filename: "{app}\Composer.exe"
Name: "{autodesktop}\Composer"; Filename: "{app}\Composer.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\Composer.exe"; Description: "{cm:LaunchProgram,Composer}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] entry for the data folder: uninstalling keeps the agent's library.
