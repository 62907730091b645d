package io.github.jcg.core.internal.controller;

import io.github.jcg.core.CgroupVersion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One row of the translation between cgroup v1's and v2's control files that libcgroup 3.x's
 * cgxget and cgxset use ({@code src/abstraction-map.c}), as the module of its controller
 * contributes it to {@link io.github.jcg.core.limit.Vocabulary}. A row is either one file
 * renamed ({@link Renamed}, its value converted or passed through, or no counterpart at all),
 * or one v2 file whose fields are v1 files ({@link Fields}: {@code cpu.max}).
 */
public sealed interface VocabularyEntry permits VocabularyEntry.Renamed, VocabularyEntry.Fields {

    /**
     * One file in each version, or a file with no counterpart. The converters take a value as
     * read or given (not stripped) and may throw
     * {@link io.github.jcg.core.UnmappableSettingException} for a value they cannot convert.
     */
    final class Renamed implements VocabularyEntry {
        private final String v1;
        private final String v2;
        private final UnaryOperator<String> toV2;
        private final UnaryOperator<String> toV1;

        private Renamed(String v1, String v2, UnaryOperator<String> toV2, UnaryOperator<String> toV1) {
            this.v1 = v1;
            this.v2 = v2;
            this.toV2 = toV2;
            this.toV1 = toV1;
        }

        /** The same file name, or a new one, with the value unchanged. */
        public static Renamed same(String v1, String v2) {
            return new Renamed(Objects.requireNonNull(v1), Objects.requireNonNull(v2), value -> value, value -> value);
        }

        /** A file whose value changes on the way: {@code toV2} from v1's text, {@code toV1} from v2's. */
        public static Renamed converted(String v1, String v2, UnaryOperator<String> toV2, UnaryOperator<String> toV1) {
            return new Renamed(Objects.requireNonNull(v1), Objects.requireNonNull(v2), Objects.requireNonNull(toV2),
                    Objects.requireNonNull(toV1));
        }

        /**
         * A file libcgroup knows and cannot translate (ECGNOVERSIONCONVERT); {@code v1} or
         * {@code v2} is null where the file exists in one version only.
         */
        public static Renamed unmappable(String v1, String v2) {
            return new Renamed(v1, v2, null, null);
        }

        /** The file's name in one version; null where it has none there. */
        public String name(CgroupVersion version) {
            return version == CgroupVersion.V1 ? v1 : v2;
        }

        /** Whether the value can be translated. */
        public boolean mappable() {
            return toV2 != null;
        }

        /** The value, given in {@code from}'s vocabulary, in the other version's. */
        public String convert(String value, CgroupVersion from) {
            if (!mappable()) {
                return value;
            }
            return from == CgroupVersion.V1 ? toV2.apply(value) : toV1.apply(value);
        }
    }

    /**
     * A v2 file whose space-separated fields are v1 files, such as {@code cpu.max} ("$MAX
     * $PERIOD") and {@code cpu.cfs_quota_us}, {@code cpu.cfs_period_us}.
     */
    non-sealed interface Fields extends VocabularyEntry {
        /** The v2 file. */
        String v2Name();

        /** The v1 files, in the order of their fields in the v2 file. */
        List<String> v1Names();

        /** The v2 file's value from every v1 file's value (by name). */
        String join(Map<String, String> v1Values);

        /** One v1 file's value from the v2 file's text, for reading. */
        String field(String v2Value, String v1Name);

        /** The v1 files' values a v2 value sets, in field order (those it gives; a field left out is absent). */
        LinkedHashMap<String, String> split(String v2Value);

        /**
         * The v2 file's value that writes one v1 file's {@code v1Value} and keeps the other
         * fields as {@code currentV2Value} (the group's v2 file now) has them.
         */
        String replaceField(String v1Name, String v1Value, String currentV2Value);
    }
}
