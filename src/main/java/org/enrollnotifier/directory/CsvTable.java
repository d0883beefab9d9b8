package org.enrollnotifier.directory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.enrollnotifier.model.ImportProblem;

/**
 * A CSV file with a header line, read record by record: strict UTF-8 with or without a byte order mark,
 * PowerShell's "#TYPE" line skipped, ',' or ';' as found in the header, quoted fields that span lines.
 */
final class CsvTable implements AutoCloseable {

    /** One record whose field count matches the header; {@code line} is where it starts in the file. */
    record Row(long line, List<String> values) {

        String location() {
            return "line " + line;
        }

        /** Each mapped field's value, given the column index of each field. */
        Map<UserField, String> values(Map<UserField, Integer> columns) {
            Map<UserField, String> byField = new EnumMap<>(UserField.class);
            columns.forEach((field, column) -> byField.put(field, values.get(column)));
            return byField;
        }
    }

    /** Takes each row in file order. */
    interface RowHandler {
        void row(Row row) throws ImportFailure;
    }

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final String POWERSHELL_TYPE_LINE = "#TYPE";

    private final Path file;
    private final BufferedReader reader;
    private final CSVFormat format;
    private final List<String> headers;
    /** Physical lines up to and including the header, so record lines can be counted from the file's start. */
    private final long headerLine;

    private CsvTable(Path file, BufferedReader reader, CSVFormat format, List<String> headers, long headerLine) {
        this.file = file;
        this.reader = reader;
        this.format = format;
        this.headers = headers;
        this.headerLine = headerLine;
    }

    static CsvTable open(Path file) throws ImportFailure {
        BufferedReader reader = openStrictUtf8(file);
        long line = 0;
        try {
            String text;
            do {
                text = reader.readLine();
                line++;
                if (text == null) {
                    throw new ImportFailure("The file " + file + " is empty; a CSV file with a header line is needed.");
                }
                if (line == 1 && !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
                    text = text.substring(1);
                }
            } while (text.isBlank() || text.startsWith(POWERSHELL_TYPE_LINE));
            CSVFormat format = CSVFormat.RFC4180.builder()
                    .setDelimiter(delimiterOf(text))
                    .setIgnoreEmptyLines(false)
                    .get();
            return new CsvTable(file, reader, format, headerOf(text, format), line);
        } catch (IOException e) {
            closeQuietly(reader);
            throw failure(file, e, line);
        } catch (ImportFailure e) {
            closeQuietly(reader);
            throw e;
        }
    }

    /**
     * Each field's column, as {@code mapping} picks it from the header; a picked column the header
     * names more than once is refused, as which of them holds the field is unclear.
     */
    Map<UserField, Integer> columns(FieldMapping mapping) throws ImportFailure {
        Map<UserField, Integer> columns = mapping.columnsIn(headers);
        for (Map.Entry<UserField, Integer> column : columns.entrySet()) {
            String name = headers.get(column.getValue());
            List<Integer> positions = IntStream.range(0, headers.size())
                    .filter(index -> headers.get(index).equalsIgnoreCase(name))
                    .mapToObj(index -> index + 1)
                    .toList();
            if (positions.size() > 1) {
                throw new ImportFailure("The file " + file + " has " + positions.size() + " columns named \"" + name
                        + "\" (columns " + positions.stream().map(String::valueOf).collect(Collectors.joining(", "))
                        + "), so which one holds " + column.getKey().camelCaseName() + " is unclear; rename or"
                        + " remove all but one and import it again.");
            }
        }
        return columns;
    }

    /**
     * Hands each record to {@code handler}; blank lines are passed over and records with another field
     * count than the header are reported and skipped.
     */
    void read(BooleanSupplier cancelled, Consumer<ImportProblem> problems, RowHandler handler) throws ImportFailure {
        long line = headerLine + 1;
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                line = headerLine + parser.getCurrentLineNumber() + 1;
                if (cancelled.getAsBoolean()) {
                    throw new ImportCancelled(file.toString());
                }
                if (!records.hasNext()) {
                    return;
                }
                CSVRecord record = records.next();
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                if (record.size() == headers.size()) {
                    handler.row(new Row(line, record.toList()));
                } else {
                    problems.accept(new ImportProblem("line " + line, "", "has " + record.size()
                            + " fields, the header has " + headers.size() + "; row skipped"));
                }
            }
        } catch (UncheckedIOException e) {
            throw failure(file, e.getCause(), line);
        } catch (IOException e) {
            throw failure(file, e, line);
        }
    }

    @Override
    public void close() {
        closeQuietly(reader);
    }

    private static BufferedReader openStrictUtf8(Path file) throws ImportFailure {
        try {
            return new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)));
        } catch (IOException e) {
            throw ImportFailure.cannotRead(file, e);
        }
    }

    /** Whichever of ',' and ';' separates more header names, ignoring those inside quotes. */
    private static char delimiterOf(String headerLine) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (char c : headerLine.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    /** The parser reports a malformed header line unchecked; it is then failed like a malformed record. */
    private static List<String> headerOf(String headerLine, CSVFormat format) throws IOException {
        try (CSVParser parser = CSVParser.parse(headerLine, format)) {
            return parser.getRecords().get(0).stream().map(String::strip).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static ImportFailure failure(Path file, IOException cause, long line) {
        if (cause instanceof CharacterCodingException) {
            return new ImportFailure("The file " + file + " is not UTF-8 text (" + invalidByteLine(file)
                    + "); save it as UTF-8 and import it again.", cause);
        }
        if (cause instanceof CSVException) {
            return new ImportFailure("The file " + file + " is not valid CSV near line " + line
                    + ": a quoted field is not closed or has text after its closing quote.", cause);
        }
        return ImportFailure.cannotRead(file, cause);
    }

    /**
     * Where the first byte that is not UTF-8 sits. A second pass, because the decoding reader fails
     * before handing over the text that precedes the bad byte, so the parser's line count falls short.
     */
    private static String invalidByteLine(Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer bytes = ByteBuffer.allocate(8192);
        CharBuffer chars = CharBuffer.allocate(8192);
        long line = 1;
        try (ReadableByteChannel channel = Files.newByteChannel(file)) {
            boolean end = false;
            while (!end) {
                end = channel.read(bytes) < 0;
                bytes.flip();
                CoderResult result;
                do {
                    result = decoder.decode(bytes, chars, end);
                    line += newlines(chars);
                } while (result.isOverflow());
                if (result.isError()) {
                    return "an invalid byte on line " + line;
                }
                bytes.compact();
            }
        } catch (IOException e) {
            return "an invalid byte";
        }
        return "an invalid byte";
    }

    private static long newlines(CharBuffer chars) {
        chars.flip();
        long count = 0;
        while (chars.hasRemaining()) {
            if (chars.get() == '\n') {
                count++;
            }
        }
        chars.clear();
        return count;
    }

    private static void closeQuietly(BufferedReader reader) {
        try {
            reader.close();
        } catch (IOException ignored) {
            // Only ever read from, so a failed close loses nothing.
        }
    }
}
