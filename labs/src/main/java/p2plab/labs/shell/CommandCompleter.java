package p2plab.labs.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.AutoComplete;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Tab completion from the picocli command tree: commands, subcommands, options, and the values
 * the session knows (overlay names, network names, peer ids). Where a command takes a path and
 * picocli has nothing to offer, file names.
 */
final class CommandCompleter implements Completer {
    private static final Set<String> TAKE_FILES = Set.of("share", "run", "source", "export", "topology");

    private final Supplier<CommandSpec> spec;
    private final Completer files = new Completers.FileNameCompleter();

    CommandCompleter(Supplier<CommandSpec> spec) {
        this.spec = spec;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        String[] args = words.toArray(String[]::new);
        List<CharSequence> found = new ArrayList<>();
        try {
            AutoComplete.complete(spec.get(), args, line.wordIndex(), line.wordCursor(), line.cursor(), found);
        } catch (RuntimeException e) {
            found.clear(); // a half-typed line picocli cannot read: offer nothing rather than fail
        }
        String prefix = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        for (CharSequence c : found) {
            String value = prefix + c;
            if (!value.isEmpty()) {
                candidates.add(new Candidate(value, value, null, null, null, null, true));
            }
        }
        if (found.isEmpty() && !words.isEmpty() && line.wordIndex() > 0 && TAKE_FILES.contains(words.get(0))
                && !line.word().startsWith("-")) {
            files.complete(reader, line, candidates);
        }
    }
}
