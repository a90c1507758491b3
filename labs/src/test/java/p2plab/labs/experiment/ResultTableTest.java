package p2plab.labs.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one CSV writer: RFC 4180 quoting and fixed number formats; JSON rows keep numbers. */
class ResultTableTest {

    @Test
    void cellsWithCommasQuotesOrLineBreaksAreQuoted() {
        ResultTable t = new ResultTable(List.of("name", "value"));
        t.add("plain", 1);
        t.add("a, b", 2.5);
        t.add("say \"hi\"", Double.NaN);
        t.add("two\nlines", 3L);
        t.add("cr\rhere", -0.00004);
        assertEquals("name,value\n"
                + "plain,1\n"
                + "\"a, b\",2.5000\n"
                + "\"say \"\"hi\"\"\",\n"
                + "\"two\nlines\",3\n"
                + "\"cr\rhere\",-0.0000\n", t.toCsv());
    }

    @Test
    void jsonRowsKeepNumbersAndTurnMissingFiguresIntoNull() {
        ResultTable t = new ResultTable(List.of("n", "x", "label"));
        t.add(3, Double.NaN, "flooding");
        t.add(4L, 0.125, "walk");
        assertEquals(List.of(java.util.Arrays.asList(3, null, "flooding"), List.of(4L, 0.125, "walk")), t.jsonRows());
    }
}
