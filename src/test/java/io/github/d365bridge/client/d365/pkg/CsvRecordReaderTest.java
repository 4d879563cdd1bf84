package io.github.d365bridge.client.d365.pkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The CSV splitter alone: record ends, quoting and the line numbers used in error messages. */
class CsvRecordReaderTest {

    @Test
    void splitsOnCrlfLfAndCrAlikeAndKeepsEmptyValues() throws Exception {
        assertThat(records("a,b\r\nc,d\ne,f\rg,h")).containsExactly(
                List.of("a", "b"), List.of("c", "d"), List.of("e", "f"), List.of("g", "h"));
        assertThat(records(",,\r\nx,\r\n,y\r\n")).containsExactly(
                List.of("", "", ""), List.of("x", ""), List.of("", "y"));
        assertThat(records("")).isEmpty();
        assertThat(records("\r\n")).containsExactly(List.of(""));
    }

    @Test
    void quotedValuesKeepSeparatorsQuotesLineBreaksAndSpaces() throws Exception {
        assertThat(records("\"a,b\",\"say \"\"hi\"\"\",\" x \"\r\n\"1\r\n2\",\"\",\"\"\"\"\r\n")).containsExactly(
                List.of("a,b", "say \"hi\"", " x "), List.of("1\r\n2", "", "\""));
    }

    @Test
    void unquotedValuesAreNotTrimmedAndAStrayQuoteIsKept() throws Exception {
        assertThat(records("  a  ,\tb\t,5\" pipe\r\n")).containsExactly(List.of("  a  ", "\tb\t", "5\" pipe"));
    }

    @Test
    void recordLineCountsLineBreaksInsideQuotes() throws Exception {
        CsvRecordReader reader = new CsvRecordReader(new StringReader("h\r\n\"1\r\n2\n3\"\r\nnext\n\"x\ry\"\rlast"));
        List<Long> lines = new ArrayList<>();
        while (reader.read() != null) {
            lines.add(reader.recordLine());
        }
        assertThat(lines).containsExactly(1L, 2L, 5L, 6L, 8L);
    }

    @Test
    void unterminatedQuoteNamesTheLineItOpenedOn() throws Exception {
        CsvRecordReader reader = new CsvRecordReader(new StringReader("a\r\nb\r\n\"open\r\nmore\r\n"));
        reader.read();
        reader.read();

        assertThatThrownBy(reader::read).isInstanceOf(CsvRecordReader.MalformedCsvException.class)
                .hasMessage("unterminated quoted value (the quote opened on line 3 is never closed)");
        assertThat(reader.recordLine()).isEqualTo(3);
    }

    @Test
    void textAfterAClosingQuoteIsRefused() {
        CsvRecordReader reader = new CsvRecordReader(new StringReader("\"ab\"c,d\r\n"));

        assertThatThrownBy(reader::read).isInstanceOf(CsvRecordReader.MalformedCsvException.class)
                .hasMessageContaining("unexpected character 'c' after a closing quote on line 1");
    }

    private static List<List<String>> records(String text) throws Exception {
        CsvRecordReader reader = new CsvRecordReader(new StringReader(text));
        List<List<String>> result = new ArrayList<>();
        for (List<String> record = reader.read(); record != null; record = reader.read()) {
            result.add(record);
        }
        return result;
    }
}
