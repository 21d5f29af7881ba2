package io.tacit.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Optional;

/**
 * The process's stdout as a {@link PrintStream} that remembers why a write failed. {@code System.out} only
 * keeps a flag ({@link PrintStream#checkError()}), so "no space left on device" would be lost.
 */
final class StandardOutput extends PrintStream {
    private final Recorder recorder;

    private StandardOutput(Recorder recorder, Charset charset) {
        super(recorder, true, charset);
        this.recorder = recorder;
    }

    static StandardOutput open() {
        OutputStream stdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 8192);
        return new StandardOutput(new Recorder(stdout), charset());
    }

    /** The first write error, if any. */
    Optional<IOException> failure() {
        return Optional.ofNullable(recorder.failure);
    }

    /** The charset the JVM gives {@code System.out}, so that output looks as it did before. */
    private static Charset charset() {
        for (String property : new String[] {"stdout.encoding", "sun.stdout.encoding"}) {
            String name = System.getProperty(property);
            if (name != null && Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        }
        return Charset.defaultCharset();
    }

    private static final class Recorder extends FilterOutputStream {
        private IOException failure;

        Recorder(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            }
            catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            try {
                out.write(bytes, offset, length);
            }
            catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            }
            catch (IOException e) {
                throw remember(e);
            }
        }

        private synchronized IOException remember(IOException e) {
            if (failure == null) {
                failure = e;
            }
            return e;
        }
    }
}
