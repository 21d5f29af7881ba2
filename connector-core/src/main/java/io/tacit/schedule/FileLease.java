package io.tacit.schedule;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A lease that is an OS file lock ({@code fcntl}/{@code LockFileEx}): instances on one host, or sharing a
 * volume whose file system honours locks, never run at once. The OS drops the lock when the process dies, so
 * a crashed instance never blocks the next one. The file itself is left in place (deleting it would let two
 * processes lock two different files).
 */
public final class FileLease implements Lease {
    private final Path file;
    private FileChannel channel;
    private FileLock lock;

    public FileLease(Path file) {
        this.file = requireNonNull(file, "file is null");
    }

    @Override
    public synchronized boolean tryAcquire() {
        if (lock != null) {
            return true;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // held by another lease object of this JVM: another instance, for us
            lock = null;
        } catch (IOException e) {
            closeChannel();
            throw new IllegalStateException("cannot lock " + file + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            closeChannel();
            return false;
        }
        return true;
    }

    @Override
    public synchronized void release() {
        if (lock != null) {
            try {
                lock.release();
            } catch (IOException e) {
                // closing the channel below releases it as well
            }
            lock = null;
        }
        closeChannel();
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing held any more
            }
            channel = null;
        }
    }

    @Override
    public String describe() {
        return "lock file " + file;
    }
}
