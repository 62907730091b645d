package io.github.jcg.core;

import io.github.jcg.core.internal.GroupFiles;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A group's control files as text in memory, for planning a driver's writes without any tree. */
public final class InMemoryGroupFiles implements GroupFiles {
    private final Map<String, String> files = new LinkedHashMap<>();

    /** Files as name, text, name, text … */
    public static InMemoryGroupFiles of(String... nameTextPairs) {
        if (nameTextPairs.length % 2 != 0) {
            throw new IllegalArgumentException("give a text for every file name");
        }
        InMemoryGroupFiles out = new InMemoryGroupFiles();
        for (int i = 0; i < nameTextPairs.length; i += 2) {
            out.files.put(nameTextPairs[i], nameTextPairs[i + 1]);
        }
        return out;
    }

    @Override
    public Optional<String> read(String file) {
        return Optional.ofNullable(files.get(file));
    }

    @Override
    public boolean has(String file) {
        return files.containsKey(file);
    }

    @Override
    public CgroupPath path() {
        return CgroupPath.of("/planned");
    }
}
