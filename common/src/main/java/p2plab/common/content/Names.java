package p2plab.common.content;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The invented vocabulary of generated file names: "Artist Name - Title Words.ext". Artist and
 * title words are kept apart so a search for an artist word finds that artist's files only.
 */
final class Names {

    static final List<String> ARTIST_WORDS = List.of(
            "Amber", "Basalt", "Cobalt", "Dune", "Ember", "Fable", "Garnet", "Hollow", "Indigo", "Juniper",
            "Kestrel", "Lumen", "Marrow", "Nimbus", "Onyx", "Pilgrim", "Quartz", "Raven", "Saffron", "Tundra",
            "Umber", "Velvet", "Willow", "Xylo", "Yarrow", "Zephyr", "Harbor", "Cinder", "Moss", "Glacier",
            "Orchid", "Falcon", "Meridian", "Sable", "Thistle", "Copper", "Lantern", "Marble", "Beacon", "Tamarind",
            "Vesper", "Alder", "Brindle", "Crimson", "Drift", "Elm", "Flint", "Grove", "Heron", "Ivory");

    static final List<String> TITLE_WORDS = List.of(
            "Quiet", "Morning", "Lights", "River", "Dance", "Echo", "Summer", "Winter", "Night", "Road",
            "Dream", "Fire", "Ocean", "Paper", "Garden", "Silver", "Golden", "Shadow", "Storm", "Window",
            "Mirror", "Signal", "Train", "Letter", "Island", "Candle", "Spiral", "Bridge", "Falling", "Rising",
            "Distant", "Electric", "Hidden", "Broken", "Open", "Secret", "Slow", "Wild", "Blue", "Green",
            "Stars", "Rain", "Heart", "Home", "Thunder", "Velocity", "Memory", "Circuit", "Harvest", "Compass",
            "Feather", "Meadow", "Canyon", "Horizon", "Lullaby", "Parade", "Ritual", "Satellite", "Tide", "Voyage");

    static final List<String> EXTENSIONS = List.of("mp3", "mp3", "mp3", "ogg", "flac", "mkv", "avi", "pdf");

    private Names() {
    }

    static String random(SplittableRandom random) {
        String artist = pick(ARTIST_WORDS, random) + " " + pick(ARTIST_WORDS, random);
        int titleWords = 1 + random.nextInt(3);
        StringBuilder title = new StringBuilder(pick(TITLE_WORDS, random));
        for (int i = 1; i < titleWords; i++) {
            title.append(' ').append(pick(TITLE_WORDS, random));
        }
        return artist + " - " + title + "." + pick(EXTENSIONS, random);
    }

    private static String pick(List<String> words, SplittableRandom random) {
        return words.get(random.nextInt(words.size()));
    }
}
