// oktaentra's JShell startup: the library's packages, and where the example scripts and exports are.
import dev.oktaentra.core.anchor.*;
import dev.oktaentra.core.directory.*;
import dev.oktaentra.core.export.*;
import dev.oktaentra.core.detect.*;
import dev.oktaentra.core.match.*;
import dev.oktaentra.core.validation.*;
import dev.oktaentra.core.report.html.HtmlReport;
import dev.oktaentra.examples.rules.EmployeeIdRule;
import java.nio.file.*;
import java.util.*;
import java.util.stream.*;

// The launcher (oktaentra-jshell.sh) and the tests set this property; scripts read their files from here.
Path JSHELL_DIR = Path.of(System.getProperty("oktaentra.jshell.dir", "examples/jshell")).toAbsolutePath();

// Where scripts write reports: ./oktaentra-report unless the property says otherwise.
Path REPORT_DIR = Path.of(System.getProperty("oktaentra.jshell.out", "oktaentra-report")).toAbsolutePath();
