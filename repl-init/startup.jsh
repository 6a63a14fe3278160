// Evaluated before the first prompt and before every script. Imports only: nothing slow.
// An import whose package is not built yet is skipped silently, so this list may run ahead of the code.
import java.util.*;
import java.util.function.*;
import java.util.stream.*;
import java.io.*;
import java.math.*;
import java.nio.file.*;
import dotbar.*;
import dotbar.base.*;
import dotbar.expr.*;
import dotbar.diff.*;
import dotbar.check.*;
import dotbar.tape.*;
import dotbar.optim.*;
import dotbar.plot.*;
import static dotbar.DotBar.*;
