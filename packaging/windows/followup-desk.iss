; Inno Setup 6 script: installs the PyInstaller folder of Follow-up Desk for Windows.
;
; Build the folder first (pyinstaller packaging\followup_desktop.spec), then from the repository
; root:
;   iscc /DAppVersion=0.1.0 packaging\windows\followup-desk.iss
; The installer lands in dist\followup-desk-VERSION-windows-x64-setup.exe. It installs for the
; current user without administrator rights unless the user picks "all users".

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\windows\followup-desk.iss
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\followup-desk"
#endif
#define AppName "Follow-up Desk"
#define AppExe "followup-desktop.exe"

[Setup]
; The AppId identifies the app to Windows' uninstaller across versions: never change it.
AppId={{D5C9BC0E-AFE6-4A5E-A157-9792C4B704B1}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Follow-up Desk developers
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SetupIconFile=followup-desk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir=..\..\dist
OutputBaseFilename=followup-desk-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; A new version may drop files the old one had; start from a clean program folder. The user's
; data lives in %LOCALAPPDATA%\FollowUpDesk and is never touched.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Track job applications and follow up on every one"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
