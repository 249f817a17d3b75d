# Build Pellicle's Windows installer (run in PowerShell on Windows 10/11 with
# Python 3.11+ and NSIS 3 on PATH):
#     powershell -ExecutionPolicy Bypass -File packaging\windows\build-installer.ps1
# -> dist\pellicle-<version>-setup.exe. Not run by CI here: CI only compiles
# pellicle.nsi with makensis against a placeholder folder (a validity check).
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
if (-not (Test-Path build\venv\Scripts\python.exe)) { python -m venv build\venv }
$py = "build\venv\Scripts\python.exe"
& $py -m pip install -q --upgrade pip
$deps = & $py -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml','rb'))['project']['dependencies']))"
& $py -m pip install -q "pyinstaller>=6.10,<7" @($deps -split "`n")
$version = & $py -c "import sys; sys.path.insert(0, 'src'); import pellicle; print(pellicle.__version__)"
Remove-Item -Recurse -Force build\pyinstaller -ErrorAction SilentlyContinue
& build\venv\Scripts\pyinstaller.exe --noconfirm --log-level WARN `
    --distpath build\pyinstaller\dist --workpath build\pyinstaller\work packaging\pellicle.spec
# The bundle must pass its own self-test before it is wrapped.
& build\pyinstaller\dist\pellicle\pellicle.exe --self-test
if ($LASTEXITCODE -ne 0) { throw "self-test failed" }
& $py packaging\windows\nsis_files.py build\pyinstaller\dist\pellicle build\nsis
New-Item -ItemType Directory -Force dist | Out-Null
makensis /WX "/DVERSION=$version" "/DFILES=$PWD\build\nsis" "/DICON=$PWD\build\icons\pellicle.ico" `
    "/DOUTFILE=$PWD\dist\pellicle-$version-setup.exe" packaging\windows\pellicle.nsi
if ($LASTEXITCODE -ne 0) { throw "makensis failed" }
