# Builds the Windows installer of Walrus Sync into installers\target\windows\: the app-image "Walrus Sync\" and
# "Walrus Sync-<version>.msi". Runs on Windows only: jpackage builds for the system it runs on, so this cannot be
# built on Linux (see installers\README.md). Needs a JDK 21+ with jpackage (JAVA_HOME) and the WiX Toolset on the
# PATH (jpackage makes the .msi with it).
# Usage: powershell -ExecutionPolicy Bypass -File installers\windows\build.ps1 [-SkipMaven] [-AppImageOnly]
# The same steps as installers/common.sh, which the Linux and macOS builds share.
param([switch]$SkipMaven, [switch]$AppImageOnly)
$ErrorActionPreference = 'Stop'

$Installers = Split-Path -Parent $PSScriptRoot
$Root = Split-Path -Parent $Installers
$Out = Join-Path $Installers 'target\windows'
$AppTarget = Join-Path $Root 'app\target'
function Say($m) { Write-Host "==> $m" -ForegroundColor Cyan }
function Die($m) { Write-Error "installers: $m"; exit 1 }
function Run($exe, [string[]]$argv) { & $exe @argv; if ($LASTEXITCODE -ne 0) { Die "$exe failed ($LASTEXITCODE)" } }

if (-not $env:JAVA_HOME -or -not (Test-Path (Join-Path $env:JAVA_HOME 'bin\jpackage.exe'))) {
  Die 'needs JAVA_HOME set to a JDK 21 or newer with jpackage'
}
$Bin = Join-Path $env:JAVA_HOME 'bin'
$Version = ([xml](Get-Content (Join-Path $Root 'pom.xml'))).project.version -replace '-SNAPSHOT$', ''
$Keep = '(Windows/x86_64|win/amd64|win32-x86-64)/[^/]+$'
# JavaFX 21's renderer allocates memory through sun.misc.Unsafe, which Java 24 and later warn about unless allowed.
$JavaMajor = [int]((& (Join-Path $Bin 'java.exe') -XshowSettings:properties -version 2>&1 | Select-String 'java.specification.version = (\d+)').Matches[0].Groups[1].Value)
$UnsafeOption = if ($JavaMajor -ge 24) { @('--java-options', '--sun-misc-unsafe-memory-access=allow') } else { @() }

# 1. Build the app.
if (-not ($SkipMaven -and (Test-Path (Join-Path $AppTarget 'walrus-sync.jar')))) {
  Say 'Building the app (Maven, tests skipped)'
  Push-Location $Root; try { Run '.\mvnw.cmd' @('-q', '-B', 'package', '-DskipTests', '-DskipITs', '-pl', 'app', '-am') } finally { Pop-Location }
}

# 2. Stage jpackage's input: the app's jars less JavaFX, and less other platforms' native libraries.
Say "Staging the app's jars"
if (Test-Path $Out) { Remove-Item -Recurse -Force $Out }
$Staged = Join-Path $Out 'input'; $Fx = Join-Path $Out 'javafx'
New-Item -ItemType Directory -Force (Join-Path $Staged 'lib'), $Fx | Out-Null
Copy-Item (Join-Path $AppTarget 'walrus-sync.jar') $Staged
Add-Type -AssemblyName System.IO.Compression.FileSystem
foreach ($jar in Get-ChildItem (Join-Path $AppTarget 'lib\*.jar')) {
  if ($jar.Name -like 'javafx-*-*-*.jar') { Copy-Item $jar.FullName $Fx; continue }
  if ($jar.Name -like 'javafx-*.jar') { continue }
  $zip = [IO.Compression.ZipFile]::OpenRead($jar.FullName)
  $hasNatives = @($zip.Entries | Where-Object { $_.FullName -match '\.(so|dll|dylib|jnilib)$' }).Count -gt 0
  $zip.Dispose()
  if ($hasNatives) {
    Run (Join-Path $Bin 'java.exe') @((Join-Path $Installers 'TrimNatives.java'), $jar.FullName, (Join-Path $Staged "lib\$($jar.Name)"), $Keep)
  } else { Copy-Item $jar.FullName (Join-Path $Staged 'lib') }
}

# 3. The module list must match what jdeps finds.
Say "Checking the runtime's modules against jdeps"
function Listed($file) {
  Get-Content (Join-Path $Installers $file) | ForEach-Object { ($_ -replace '#.*', '').Trim() } | Where-Object { $_ }
}
$jars = @((Join-Path $Staged 'walrus-sync.jar')) + @(Get-ChildItem (Join-Path $Staged 'lib\*.jar') | ForEach-Object FullName)
$found = (& (Join-Path $Bin 'jdeps.exe') --module-path $Fx --print-module-deps --ignore-missing-deps --multi-release 21 @jars 2>$null | Select-Object -Last 1) -split ',' | Sort-Object
$listed = Listed 'runtime-modules.txt' | Sort-Object
if (Compare-Object $found $listed) { Die 'installers/runtime-modules.txt is out of date; run installers/update-modules.sh and commit it' }

# 4. jlink the runtime, with JavaFX's DLLs beside the JVM's.
Say 'Linking the runtime (jlink)'
$modules = ((Listed 'runtime-modules.txt') + (Listed 'runtime-modules-extra.txt') | Sort-Object -Unique) -join ','
$Runtime = Join-Path $Out 'runtime'
Run (Join-Path $Bin 'jlink.exe') @('--module-path', $Fx, '--add-modules', $modules, '--output', $Runtime,
  '--strip-debug', '--no-header-files', '--no-man-pages', '--compress', 'zip-0',
  '--exclude-files', '**jsound.dll', '--exclude-resources', '/javafx.graphics/*.dll,/javafx.graphics/*.sha1')
foreach ($jar in Get-ChildItem (Join-Path $Fx '*.jar')) {
  $zip = [IO.Compression.ZipFile]::OpenRead($jar.FullName)
  foreach ($e in $zip.Entries | Where-Object { $_.FullName -match '^[^/]+\.dll$' }) {
    [IO.Compression.ZipFileExtensions]::ExtractToFile($e, (Join-Path $Runtime "bin\$($e.Name)"), $true)
  }
  $zip.Dispose()
}

# 5. jpackage: "Walrus Sync.exe" starts the window (no console); walrus-sync.exe beside it is the command line.
$Common = @('--name', 'Walrus Sync', '--app-version', $Version, '--vendor', 'Walrus Sync',
  '--copyright', 'Walrus Sync contributors', '--description', 'Encrypted, deduplicated backups of your folders on Walrus')
Say 'Packaging the app-image (jpackage)'
Run (Join-Path $Bin 'jpackage.exe') (@('--type', 'app-image', '--dest', $Out) + $Common + @(
  '--input', $Staged, '--main-jar', 'walrus-sync.jar', '--main-class', 'dev.walrussync.app.Main',
  '--runtime-image', $Runtime, '--icon', (Join-Path $Installers 'icons\walrus-sync.ico'),
  '--add-launcher', "walrus-sync=$(Join-Path $PSScriptRoot 'walrus-sync-cli.properties')",
  '--java-options', '--enable-native-access=javafx.graphics,ALL-UNNAMED') + $UnsafeOption)
Remove-Item -Recurse -Force $Runtime
if (-not $AppImageOnly) {
  Say 'Packaging the .msi (jpackage, WiX)'
  # The upgrade code stays the same for every version, so a new .msi replaces the old one.
  Run (Join-Path $Bin 'jpackage.exe') (@('--type', 'msi', '--dest', $Out, '--app-image', (Join-Path $Out 'Walrus Sync')) + $Common + @(
    '--license-file', (Join-Path $Root 'LICENSE'), '--win-menu', '--win-menu-group', 'Walrus Sync', '--win-shortcut',
    '--win-dir-chooser', '--win-per-user-install', '--win-upgrade-uuid', '3f0c1a52-6d1e-4b8e-9a57-5b2f0c9d7e41'))
}
Say 'Built:'
Get-ChildItem $Out -Filter *.msi | ForEach-Object { '{0}  {1:N1} MB' -f $_.Name, ($_.Length / 1MB) }
