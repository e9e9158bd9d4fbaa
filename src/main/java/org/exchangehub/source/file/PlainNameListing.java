package org.exchangehub.source.file;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;

import org.apache.commons.net.ftp.FTPClientConfig;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.FTPFileEntryParser;
import org.apache.commons.net.ftp.parser.DefaultFTPFileEntryParserFactory;
import org.apache.commons.net.ftp.parser.FTPFileEntryParserFactory;

/**
 * The FTP listing parser of the drop folder's camel-ftp endpoint ({@code ftpClient.parserFactory}): Commons Net's
 * own parsers, with every entry that is not a plain name in the folder ({@code ../x}, {@code /x}) refused and
 * logged at the listing. Commons Net is used directly here because camel-ftp drops a name starting with '.'
 * silently, before any filter of the consumer sees it, and a hostile listing should be told, not just ignored.
 */
final class PlainNameListing implements FTPFileEntryParserFactory {

    private final DefaultFTPFileEntryParserFactory parsers = new DefaultFTPFileEntryParserFactory();

    @Override
    public FTPFileEntryParser createFileEntryParser(String key) {
        return new Refusing(parsers.createFileEntryParser(key));
    }

    @Override
    public FTPFileEntryParser createFileEntryParser(FTPClientConfig config) {
        return new Refusing(parsers.createFileEntryParser(config));
    }

    private record Refusing(FTPFileEntryParser parser) implements FTPFileEntryParser {
        @Override
        public FTPFile parseFTPEntry(String entry) {
            FTPFile file = parser.parseFTPEntry(entry);
            if (file != null && file.getName() != null && !FileNames.isPlain(file.getName())) {
                Readiness.refuse(file.getName());
                return null; // Commons Net leaves unparsed entries out of the listing
            }
            return file;
        }

        @Override
        public List<String> preParse(List<String> original) {
            return parser.preParse(original);
        }

        @Override
        public String readNextEntry(BufferedReader reader) throws IOException {
            return parser.readNextEntry(reader);
        }
    }
}
