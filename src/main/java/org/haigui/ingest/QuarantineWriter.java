package org.haigui.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.haigui.schema.ColumnType;
import org.haigui.schema.Table;

/**
 * Appends rejected rows to the store's quarantine: the row as a JSON object of the user's headers
 * and values, and its errors, with every identity number masked.
 */
final class QuarantineWriter implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DuckDBAppender appender;
    private final Table table;
    private final long batch;
    private final String fileName;
    private final HeaderMap header;
    private List<String> headerCells;

    QuarantineWriter(Connection c, Table table, long batch, String fileName, HeaderMap header) throws SQLException {
        this.appender = c.unwrap(DuckDBConnection.class).createAppender("main", "quarantine");
        this.table = table;
        this.batch = batch;
        this.fileName = fileName;
        this.header = header;
    }

    void headerCells(List<String> cells) {
        this.headerCells = cells;
    }

    void add(InputRow row, String key, List<FieldError> errors) throws SQLException {
        ObjectNode data = JSON.createObjectNode();
        String[] cells = row.cells();
        for (int i = 0; i < cells.length; i++) {
            int schemaIndex = i < header.schemaIndexOfHeader.length ? header.schemaIndexOfHeader[i] : -1;
            boolean idColumn = schemaIndex >= 0 && table.columns().get(schemaIndex).type() == ColumnType.ID_NUMBER;
            String name = Masking.text(headerCells != null && i < headerCells.size() ? headerCells.get(i).trim() : "column " + (i + 1));
            if (cells[i] != null && !cells[i].isEmpty()) {
                data.put(name, Masking.value(idColumn, org.haigui.csv.CsvReader.visible(cells[i])));
            }
        }
        ArrayNode errs = JSON.createArrayNode();
        for (FieldError e : errors) {
            ObjectNode o = errs.addObject();
            o.put("column", Masking.text(e.column()));
            o.put("value", Masking.value(false, e.value()));
            o.put("reason", Masking.text(e.reason()));
        }
        appender.beginRow();
        appender.append(batch);
        appender.append(table.name());
        appender.append(fileName);
        appender.append(row.rowNumber());
        if (key == null) {
            appender.appendNull();
        } else {
            appender.append(Masking.text(org.haigui.csv.CsvReader.visible(key)));
        }
        try {
            appender.append(JSON.writeValueAsString(data));
            appender.append(JSON.writeValueAsString(errs));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        appender.appendNull();
        appender.endRow();
    }

    @Override
    public void close() throws SQLException {
        appender.flush();
        appender.close();
    }
}
