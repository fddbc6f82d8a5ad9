package org.haigui.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.haigui.csv.CsvReader;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    static List<CsvReader.Record> parse(String text) throws Exception {
        List<CsvReader.Record> out = new ArrayList<>();
        try (CsvReader r = new CsvReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8)) {
            for (CsvReader.Record rec; (rec = r.next()) != null; ) {
                out.add(rec);
            }
        }
        return out;
    }

    @Property(tries = 500)
    void whatTheRejectedWriterQuotesReadsBackExactly(@ForAll("tables") List<List<String>> rows) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                sb.append(i > 0 ? "," : "").append(RejectedRowsWriter.quote(row.get(i)));
            }
            sb.append("\r\n");
        }
        List<CsvReader.Record> parsed = parse(sb.toString());
        assertThat(parsed).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertThat(parsed.get(i).fields()).containsExactlyElementsOf(rows.get(i));
            assertThat(parsed.get(i).error()).isNull();
            assertThat(parsed.get(i).rowNumber()).isEqualTo(i + 1);
        }
    }

    @Provide
    Arbitrary<List<List<String>>> tables() {
        Arbitrary<String> cell = Arbitraries.strings().withChars("ab,\"\n\r 张=;").ofMaxLength(6);
        return cell.list().ofMinSize(2).ofMaxSize(5).list().ofMinSize(1).ofMaxSize(8);
    }

    /**
     * Plain fields are taken from the reader's buffer at once when their separator is in it, and go
     * through the builder when the buffer ends inside them: over more than one buffer (64 Ki
     * characters), with fields of every length and Chinese ones among them, every record reads back.
     */
    @Property(tries = 20)
    void fieldsAcrossTheBufferReadBackExactly(@ForAll("longTables") List<List<String>> rows) throws Exception {
        whatTheRejectedWriterQuotesReadsBackExactly(rows);
    }

    @Provide
    Arbitrary<List<List<String>>> longTables() {
        Arbitrary<String> cell = Arbitraries.oneOf(Arbitraries.strings().withChars("abc 张").ofMaxLength(40),
            Arbitraries.strings().withChars("abc,\"\n\r 张").ofMaxLength(8));
        return cell.list().ofMinSize(1).ofMaxSize(12).list().ofMinSize(3000).ofMaxSize(4000);
    }

    @Test
    void recordsCountAsRowsEvenWhenAFieldSpansLines() throws Exception {
        List<CsvReader.Record> r = parse("h1,h2\n\"a\nb\",c\nd,e");
        assertThat(r).extracting(CsvReader.Record::rowNumber).containsExactly(1L, 2L, 3L);
        assertThat(r.get(2).fields()).containsExactly("d", "e");
    }

    @Test
    void textAfterAClosingQuoteIsAnError() throws Exception {
        assertThat(parse("\"a\"b,c\n").get(0).error()).contains("text after a closing quote in field 1");
    }
}
