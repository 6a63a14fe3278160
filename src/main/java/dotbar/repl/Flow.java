package dotbar.repl;

/** What to do after a command or a script: go on, leave with a status, or stop at a failure. */
sealed interface Flow {

    /** Go on with the next input. */
    Flow CONTINUE = new Continue();

    /** Go on with the next input. */
    record Continue() implements Flow { }

    /** Leave with this exit status ({@code /exit}). */
    record Exit(int status) implements Flow { }

    /** A failure, already formatted for the user ({@code FILE:LINE: message} in scripts). */
    record Fail(String message) implements Flow { }
}
