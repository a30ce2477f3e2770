@echo off
rem Opens JShell on the executable jar with the library imported (startup.jsh). Windows twin of oktaentra-jshell.sh.
rem   examples\jshell\oktaentra-jshell.cmd                        an interactive session
rem   examples\jshell\oktaentra-jshell.cmd convert-anchors.jsh    runs a script first, then stays interactive
rem Build the jar first: mvn -q -DskipTests package
rem JAVA_HOME, when set, names the JDK whose jshell runs; OKTAENTRA_CLASS_PATH, when set, replaces the jar.
setlocal
rem This folder without its trailing backslash, which would escape the closing quote of an argument.
set "here=%~dp0"
set "here=%here:~0,-1%"
set "classpath=%OKTAENTRA_CLASS_PATH%"
if not defined classpath set "classpath=%here%\..\target\oktaentra.jar"
if not defined OKTAENTRA_CLASS_PATH if not exist "%classpath%" (
    echo oktaentra-jshell: "%classpath%" is missing; build it with: mvn -q -DskipTests package 1>&2
    exit /b 2
)
set "jshell=jshell"
if defined JAVA_HOME set "jshell=%JAVA_HOME%\bin\jshell"
rem A bare script name means one of the scripts beside this launcher.
set "script="
if not "%~1"=="" (
    if exist "%~1" (set "script=%~1") else if exist "%here%\%~1" (set "script=%here%\%~1") else (set "script=%~1")
)
if defined script (
    "%jshell%" --class-path "%classpath%" -R-Doktaentra.jshell.dir="%here%" -R-Dorg.slf4j.simpleLogger.defaultLogLevel=warn -R-Dorg.slf4j.simpleLogger.logFile=System.err --startup DEFAULT --startup "%here%\startup.jsh" "%script%"
) else (
    "%jshell%" --class-path "%classpath%" -R-Doktaentra.jshell.dir="%here%" -R-Dorg.slf4j.simpleLogger.defaultLogLevel=warn -R-Dorg.slf4j.simpleLogger.logFile=System.err --startup DEFAULT --startup "%here%\startup.jsh"
)
exit /b %ERRORLEVEL%
