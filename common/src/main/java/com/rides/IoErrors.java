package com.rides;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Why a file could not be written, in words: Java's file exceptions carry the path as
 * their message ("cannot write /proc/report.html: /proc/report.html"), the reason in
 * their type.
 */
public final class IoErrors {

    private IoErrors() {
    }

    public static String reason(IOException e, Path target) {
        String file = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : String.valueOf(target);
        if (e instanceof AccessDeniedException) {
            return "permission denied" + (file.equals(String.valueOf(target)) ? "" : " on " + file);
        }
        if (e instanceof NoSuchFileException) {
            Path parent = Path.of(file).toAbsolutePath().getParent();
            return parent != null && Files.isDirectory(parent)
                    ? "the file system of " + parent + " does not let files be created there"
                    : "no such directory: " + (parent == null ? file : parent);
        }
        if (e instanceof FileAlreadyExistsException) {
            return file + " exists and is not a directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT) + (file.equals(String.valueOf(target)) ? "" : ": " + file);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
