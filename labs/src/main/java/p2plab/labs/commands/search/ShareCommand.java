package p2plab.labs.commands.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import p2plab.common.content.Catalogue;
import p2plab.common.content.CatalogueSpec;
import p2plab.common.content.Content;
import p2plab.common.content.FileContent;
import p2plab.common.content.GeneratedContent;
import p2plab.common.overlay.PeerId;
import p2plab.common.units.DataSize;
import p2plab.labs.commands.base.Candidates;
import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.session.Lab;
import p2plab.labs.session.LabException;
import p2plab.labs.session.LabNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code share <peer> <path>} shares real files from disk; {@code share --catalogue N} spreads a
 * generated, seeded catalogue over the peers (popular files on many peers, rare ones on few).
 */
@Command(name = "share", description = "Share files from disk on a peer, or spread a generated catalogue over all peers.")
public final class ShareCommand extends LabCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "<peer>", completionCandidates = Candidates.PeerIds.class,
            description = "The peer that shares.")
    String peer;

    @Parameters(index = "1", arity = "0..1", paramLabel = "<path>", description = "A file, or a folder (every file in it).")
    Path path;

    @Option(names = "--catalogue", paramLabel = "N", description = "Generate N files and spread them over the running peers.")
    Integer catalogue;

    @Option(names = "--zipf", paramLabel = "S", description = "Popularity skew of the catalogue (default 0.8).")
    Double zipf;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the catalogue (default: the network's).")
    Long seed;

    ShareCommand(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() {
        LabNetwork n = lab.current();
        if (catalogue != null) {
            if (peer != null) {
                throw new LabException("give either <peer> <path> or --catalogue N, not both");
            }
            shareCatalogue(n);
        } else {
            if (peer == null || path == null) {
                throw new LabException("share needs <peer> <path> (`share 3 ./music`) or --catalogue N (`share --catalogue 200`)");
            }
            if (zipf != null || seed != null) {
                throw new LabException("--zipf and --seed go with --catalogue");
            }
            shareFiles(n);
        }
    }

    private void shareFiles(LabNetwork n) {
        PeerId id = n.peer(peer);
        List<Path> files = files(path);
        long bytes = 0;
        for (Path f : files) {
            Content c = FileContent.of(f);
            n.network().share(id, c);
            n.remember(id, c);
            bytes += c.size();
        }
        n.network().transport().advance(java.time.Duration.ofMillis(500)); // let index servers hear of it
        println("peer " + id + " shares " + files.size() + (files.size() == 1 ? " file" : " files") + " (" + DataSize.format(bytes) + ")"
                + (files.size() == 1 ? ": " + files.get(0).getFileName() : " from " + path));
    }

    static List<Path> files(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new LabException(path + " is not a regular file (a device, pipe or socket has no fixed content to share);"
                    + " share a file or a folder");
        }
        if (!Files.isDirectory(path)) {
            throw new LabException("no such file or folder: " + path + "; check the path");
        }
        try (Stream<Path> s = Files.walk(path)) {
            List<Path> files = new ArrayList<>(s.filter(Files::isRegularFile).sorted().toList());
            if (files.isEmpty()) {
                throw new LabException("the folder " + path + " has no files to share");
            }
            return files;
        } catch (IOException | UncheckedIOException e) {
            throw new LabException("cannot read the folder " + path + " (" + e.getMessage() + "); check its permissions");
        }
    }

    private void shareCatalogue(LabNetwork n) {
        if (catalogue < 1 || catalogue > 1_000_000) {
            throw new LabException("--catalogue must be between 1 and 1000000 files, got " + catalogue);
        }
        CatalogueSpec spec = CatalogueSpec.of(catalogue, seed == null ? n.spec().seed() : seed);
        if (zipf != null) {
            spec = spec.withZipfExponent(zipf);
        }
        List<PeerId> holders = n.sharingPeers();
        if (holders.isEmpty()) {
            throw new LabException("no running peer can share files; add some with `peer add --count 10`");
        }
        Catalogue cat = Catalogue.generate(spec);
        List<List<GeneratedContent>> placement = cat.placement(holders.size());
        int copies = 0;
        for (int i = 0; i < holders.size(); i++) {
            for (GeneratedContent c : placement.get(i)) {
                n.network().share(holders.get(i), c);
                n.remember(holders.get(i), c);
                copies++;
            }
        }
        for (Catalogue.Entry e : cat.entries()) {
            n.remember(e.content());
        }
        n.network().transport().advance(java.time.Duration.ofMillis(500)); // let index servers hear of it
        println("shared a catalogue of " + cat.size() + " files (zipf " + spec.zipfExponent() + ", seed " + spec.seed()
                + ") over " + holders.size() + " peers: " + copies + " copies");
        println("try: search " + holders.get(0) + " " + cat.queries(1, spec.seed()).get(0));
    }
}
