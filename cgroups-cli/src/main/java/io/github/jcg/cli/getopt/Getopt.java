package io.github.jcg.cli.getopt;

import java.util.ArrayList;
import java.util.List;

/**
 * Command-line parsing with GNU {@code getopt_long} semantics, so jcg accepts exactly what the
 * libcgroup tools accept and complains in the same words:
 * <ul>
 *   <li>short options cluster ({@code -nv}); an argument may be attached ({@code -rcpu.shares})
 *       or the next word ({@code -r cpu.shares}), even when that word starts with '-';</li>
 *   <li>long options take {@code --name=value} or {@code --name value}, and may be abbreviated
 *       to any unambiguous prefix;</li>
 *   <li>options and operands may be mixed (permutation) unless the option string starts with
 *       '+', which stops at the first operand (cgexec: the command's own options are its own);</li>
 *   <li>{@code --} ends the options; a lone {@code -} is an operand.</li>
 * </ul>
 * It is small on purpose: these tools start on every call, and a reflective framework costs
 * more start-up time than the whole task.
 */
public final class Getopt {
    private final String shortOptions;
    private final List<LongOption> longOptions;
    private final boolean stopAtFirstOperand;

    /**
     * @param optstring   getopt's option string: letters, ':' after a letter that takes an
     *                    argument, "::" for an optional one; a leading '+' stops at the first operand
     * @param longOptions the long options
     */
    public Getopt(String optstring, List<LongOption> longOptions) {
        this.stopAtFirstOperand = optstring.startsWith("+");
        this.shortOptions = stopAtFirstOperand ? optstring.substring(1) : optstring;
        this.longOptions = List.copyOf(longOptions);
    }

    /** The options and operands of {@code args}, in order; throws {@link UsageException} on a bad word. */
    public Parsed parse(String[] args) {
        List<ParsedOption> options = new ArrayList<>();
        List<String> operands = new ArrayList<>();
        int i = 0;
        while (i < args.length) {
            String word = args[i++];
            if (word.equals("--")) {
                addAll(operands, args, i);
                break;
            }
            if (word.startsWith("--")) {
                i = parseLong(word.substring(2), args, i, options);
            } else if (word.startsWith("-") && word.length() > 1) {
                i = parseShortCluster(word, args, i, options);
            } else if (stopAtFirstOperand) {
                operands.add(word);
                addAll(operands, args, i);
                break;
            } else {
                operands.add(word);
            }
        }
        return new Parsed(options, operands);
    }

    private int parseShortCluster(String word, String[] args, int next, List<ParsedOption> out) {
        for (int k = 1; k < word.length(); k++) {
            char c = word.charAt(k);
            int at = c == ':' || c == '+' ? -1 : shortOptions.indexOf(c);
            if (at < 0) {
                throw UsageException.inLibcgroupWords("invalid option -- '" + c + "'");
            }
            boolean takesArgument = at + 1 < shortOptions.length() && shortOptions.charAt(at + 1) == ':';
            boolean optional = takesArgument && at + 2 < shortOptions.length() && shortOptions.charAt(at + 2) == ':';
            if (!takesArgument) {
                out.add(new ParsedOption(c, null));
                continue;
            }
            if (k + 1 < word.length()) {
                out.add(new ParsedOption(c, word.substring(k + 1)));
                return next;
            }
            if (optional) {
                out.add(new ParsedOption(c, null));
                return next;
            }
            if (next >= args.length) {
                throw UsageException.inLibcgroupWords("option requires an argument -- '" + c + "'");
            }
            out.add(new ParsedOption(c, args[next]));
            return next + 1;
        }
        return next;
    }

    private int parseLong(String body, String[] args, int next, List<ParsedOption> out) {
        int eq = body.indexOf('=');
        String name = eq < 0 ? body : body.substring(0, eq);
        LongOption option = findLong(name);
        String spelled = "--" + option.name();
        switch (option.argument()) {
            case NONE -> {
                if (eq >= 0) {
                    throw UsageException.inLibcgroupWords("option '" + spelled + "' doesn't allow an argument");
                }
                out.add(new ParsedOption(option.key(), null));
                return next;
            }
            case OPTIONAL -> {
                out.add(new ParsedOption(option.key(), eq < 0 ? null : body.substring(eq + 1)));
                return next;
            }
            default -> {
                if (eq >= 0) {
                    out.add(new ParsedOption(option.key(), body.substring(eq + 1)));
                    return next;
                }
                if (next >= args.length) {
                    throw UsageException.inLibcgroupWords("option '" + spelled + "' requires an argument");
                }
                out.add(new ParsedOption(option.key(), args[next]));
                return next + 1;
            }
        }
    }

    /** An exact name wins; otherwise a unique prefix, as glibc allows abbreviations. */
    private LongOption findLong(String name) {
        List<LongOption> candidates = new ArrayList<>();
        for (LongOption o : longOptions) {
            if (o.name().equals(name)) {
                return o;
            }
            if (!name.isEmpty() && o.name().startsWith(name)) {
                candidates.add(o);
            }
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.isEmpty()) {
            throw UsageException.inLibcgroupWords("unrecognized option '--" + name + "'");
        }
        StringBuilder possibilities = new StringBuilder();
        for (LongOption o : candidates) {
            possibilities.append(" '--").append(o.name()).append('\'');
        }
        throw UsageException.inLibcgroupWords("option '--" + name + "' is ambiguous; possibilities:" + possibilities);
    }

    private static void addAll(List<String> operands, String[] args, int from) {
        for (int i = from; i < args.length; i++) {
            operands.add(args[i]);
        }
    }

    /** The result: options in the order given, and the operands. */
    public record Parsed(List<ParsedOption> options, List<String> operands) {
        public Parsed {
            options = List.copyOf(options);
            operands = List.copyOf(operands);
        }

        public boolean has(char key) {
            for (ParsedOption o : options) {
                if (o.key() == key) {
                    return true;
                }
            }
            return false;
        }

        /** Every value given for {@code key}, in order. */
        public List<String> values(char key) {
            List<String> out = new ArrayList<>();
            for (ParsedOption o : options) {
                if (o.key() == key) {
                    out.add(o.value());
                }
            }
            return out;
        }
    }
}
