package p2plab.labs.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import p2plab.labs.Run;

/**
 * Each mistake of issue 17 in script mode: its exact one-line message, the line that says which
 * command stopped the script, and the exit code (1 for a failed command, 2 for a usage error).
 */
class BadInputMessagesTest {

    @TempDir
    Path tmp;

    /** Runs {@code script} with -c and checks the whole of standard error and the exit code. */
    private static Run failsWith(String script, int code, String... errLines) {
        Run r = Run.script(script);
        assertEquals(String.join("\n", errLines), r.err().strip(), "stderr of: " + script);
        assertEquals(code, r.code(), "exit code of: " + script + "\n" + r.err());
        return r;
    }

    @Test
    void anExperimentChecksItsOutputFolderBeforeRunning(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "not a folder");
        long start = System.nanoTime();
        Run r = failsWith("experiment distribution --out " + file, 1,
                "error: --out " + file + " is a file, not a folder; give a folder for the results (it is created if missing)",
                "error: stopped at -c line 1: experiment distribution --out " + file);
        assertTrue(r.out().isEmpty(), "nothing ran: " + r.out());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "must fail before the 10 s of simulation");
        failsWith("experiment distribution --out " + file.resolve("below"), 1,
                "error: --out " + file.resolve("below") + " cannot be created: " + file + " is a file; give another folder",
                "error: stopped at -c line 1: experiment distribution --out " + file.resolve("below"));
    }

    @Test
    void aDeviceIsNotARegularFile() {
        failsWith("network create gnutella --peers 4; share 1 /dev/zero", 1,
                "error: /dev/zero is not a regular file (a device, pipe or socket has no fixed content to share); share a file or a folder",
                "error: stopped at -c line 1, command 2: share 1 /dev/zero");
    }

    @Test
    void aBinaryScriptSaysWhichByteIsNotText() throws Exception {
        Path png = Files.write(tmp.resolve("photo.p2p"), new byte[] {'p', 'e', (byte) 0x89, 'P', 'N', 'G'});
        failsWith("run " + png, 1,
                "error: " + png + " is not a text script: byte 0x89 at offset 2 is not UTF-8 text; a script holds shell commands, one per line",
                "error: stopped at -c line 1: run " + png);
        Path zeros = Files.write(tmp.resolve("zeros.p2p"), new byte[] {'h', 'e', 'l', 'p', 0, 0});
        failsWith("run " + zeros, 1,
                "error: " + zeros + " is not a text script: byte 0x00 at offset 4 is not UTF-8 text; a script holds shell commands, one per line",
                "error: stopped at -c line 1: run " + zeros);
    }

    @Test
    void aBinaryTorrentShowsTheByteInHex() throws Exception {
        Path png = Files.write(tmp.resolve("photo.torrent"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        failsWith("torrent info " + png, 1,
                "error: cannot use " + png + " as a torrent: unexpected byte 0x89 at offset 0; make a fresh one with `torrent create`",
                "error: stopped at -c line 1: torrent info " + png);
    }

    @Test
    void withEveryPeerDeadSearchSaysToReviveOrAdd() {
        failsWith("network create gnutella --peers 3; peer kill 0; peer kill 1; peer kill 2; search 1 jazz", 1,
                "error: every peer of gnutella-1 is down; revive one with `peer revive 0` or add new ones with `peer add --count 5`",
                "error: stopped at -c line 1, command 5: search 1 jazz");
    }

    @Test
    void emptyNetworksAndDegreeZeroAreRefused() {
        failsWith("network create gnutella --peers 0", 1,
                "error: --peers must be between 1 and 1000000, got 0",
                "error: stopped at -c line 1: network create gnutella --peers 0");
        failsWith("network create gnutella --peers 10 --degree 0", 1,
                "error: --degree must be at least 1 (neighbours per peer), got 0",
                "error: stopped at -c line 1: network create gnutella --peers 10 --degree 0");
    }

    @Test
    void churnWithNobodyLeftOrNobodyChosenFails() {
        Run r = failsWith("network create gnutella --peers 2; peer kill 0; peer kill 1; peer kill --fraction 0.5", 1,
                "error: no running peer to kill in gnutella-1: every peer that shares files is down already;"
                        + " `peer revive ID` or `peer add --count K` brings some back",
                "error: stopped at -c line 1, command 4: peer kill --fraction 0.5");
        assertFalse(r.out().contains("killed 0"), r.out());
        failsWith("network create gnutella --peers 7; peer kill --fraction 0.05", 1,
                "error: --fraction 0.05 of 7 running peers rounds to 0; nothing was killed. Use at least 0.08, or `peer kill ID` for one peer",
                "error: stopped at -c line 1, command 2: peer kill --fraction 0.05");
        failsWith("network create gnutella --peers 7; peer kill --fraction 0", 1,
                "error: --fraction must be more than 0 and at most 1 (0.2 crashes a fifth of the running peers), got 0.0",
                "error: stopped at -c line 1, command 2: peer kill --fraction 0");
    }

    @Test
    void exportDoesNotOverwriteWithoutForce() throws Exception {
        Path f = Files.writeString(tmp.resolve("m.json"), "precious");
        failsWith("network create gnutella --peers 3; export --json " + f, 1,
                "error: " + f + " exists already; add --force to overwrite it, or choose another name",
                "error: stopped at -c line 1, command 2: export --json " + f);
        assertEquals("precious", Files.readString(f));
        Run r = Run.script("network create gnutella --peers 3; export --json " + f + " --force");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(f).contains("\"messagesSent\""));
        assertFalse(Files.readString(f).contains("\"zero\""), "only data in the export");
    }

    @Test
    void aGroupTypedAloneIsAUsageError() {
        for (String[] group : new String[][] {
                {"network", "create, list, use, destroy or speed"}, {"peer", "add, kill, revive or list"},
                {"torrent", "create, info or magnet"}, {"dht", "table, lookup or node"}}) {
            Run r = Run.of(group[0]);
            assertEquals("error: " + group[0] + " needs a subcommand: " + group[1] + "; see `help " + group[0] + "`", r.err().strip());
            assertEquals(Commands.USAGE, r.code());
        }
    }

    @Test
    void aScriptFailureNamesTheCommandThatFailed() {
        failsWith("network create gnutella --peers 3; peer list; peer kill 9; peer list", 1,
                "error: there is no peer 9 in gnutella-1 (ids 0..2); `peer list` shows them",
                "error: stopped at -c line 1, command 3: peer kill 9");
        failsWith("network create gnutella --peers 3\npeer kill 9", 1,
                "error: there is no peer 9 in gnutella-1 (ids 0..2); `peer list` shows them",
                "error: stopped at -c line 2: peer kill 9");
    }

    @Test
    void anUnknownCommandWithoutASuggestionStillReadsAsASentence() {
        failsWith("xyzzy", 2,
                "error: unknown command 'xyzzy'; type `help` to see every command",
                "error: stopped at -c line 1: xyzzy");
    }

    @Test
    void anEmptyPathIsAUsageErrorNotTheCurrentFolder() {
        // Path.of("") is the working directory: `share 1 ""` shared all of it, `experiment --out ""` wrote into it.
        failsWith("network create napster --peers 2; share 1 \"\"", 2,
                "error: Invalid value for positional parameter at index 1 (<path>): an empty path; give a file or folder"
                        + " (`.` is the current folder); see `help share`",
                "error: stopped at -c line 1, command 2: share 1");
        failsWith("experiment distribution --out \"\"", 2,
                "error: Invalid value for option '--out': an empty path; give a file or folder (`.` is the current folder);"
                        + " see `help experiment`",
                "error: stopped at -c line 1: experiment distribution --out");
        failsWith("torrent create \" \"", 2,
                "error: Invalid value for positional parameter at index 0 (<path>): an empty path; give a file or folder"
                        + " (`.` is the current folder); see `help torrent create`",
                "error: stopped at -c line 1: torrent create");
    }

    @Test
    void anUntouchedLabStubSaysWhatToDoWithoutAStackTrace() {
        // The stub throws inside a simulated timer: the transport logs it, the search fails.
        failsWith("network create gnutella --peers 5 --impl student; share --catalogue 10; search 1 harbor", 1,
                "warning: p1: a timer or task threw java.lang.UnsupportedOperationException: TODO: expanding ring",
                "error: not implemented yet: TODO: expanding ring; write it in student/<lab>/ (see docs/labs/) or use --impl reference",
                "error: stopped at -c line 1, command 3: search 1 harbor");
    }

    @Test
    void aTimeScaleThatWouldStallOrRaceIsRefused() {
        // 1e-9 made network create wait 10^10 s of real time for its peers to settle.
        for (String scale : new String[] {"1e-9", "0", "5000"}) {
            failsWith("network create napster --peers 2 --transport tcp --time-scale " + scale, 1,
                    "error: --time-scale must be between 0.1 and 1000 (10 runs protocol timers ten times faster), got "
                            + Double.parseDouble(scale),
                    "error: stopped at -c line 1: network create napster --peers 2 --transport tcp --time-scale " + scale);
        }
    }

    @Test
    void compareNeedsEachOverlayOnceAndAtLeastOne() {
        // `--overlays ,` printed an empty table and exited 0; `napster,napster` ran napster twice.
        failsWith("compare --overlays ,", 1,
                "error: --overlays names no overlay; give some, e.g. --overlays napster,gnutella",
                "error: stopped at -c line 1: compare --overlays ,");
        failsWith("compare --overlays napster,napster", 1,
                "error: --overlays names napster twice; give each overlay once",
                "error: stopped at -c line 1: compare --overlays napster,napster");
    }

    @Test
    void aNextTrackThatDoesNotExistIsRefused() {
        // It was accepted and silently never prefetched.
        failsWith("network create streaming --peers 3 --mode hybrid; play 1 1 --next 99999999", 1,
                "error: there is no track 99999999 to play next; tracks are 0..9999",
                "error: stopped at -c line 1, command 2: play 1 1 --next 99999999");
    }

    @Test
    void aFolderGivenForTheDotFileSaysToNameAFile() {
        // It said "cannot write /tmp/x (Is a directory); check the folder exists and is writable".
        failsWith("network create gnutella --peers 3; topology --dot " + tmp, 1,
                "error: " + tmp + " is a folder; give a file name, e.g. " + tmp.resolve("gnutella-1.dot"),
                "error: stopped at -c line 1, command 2: topology --dot " + tmp);
    }
}
