package io.github.jcg.it.vm;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The test cases of one guest run, read from the JUnit XML reports (the legacy format the
 * console launcher writes, as surefire's are) that the guest sent back.
 */
record GuestReport(List<Case> cases) {

    enum Outcome { PASSED, FAILED, SKIPPED }

    /**
     * One test as the guest ran it. For a failure, {@code detail} is the exception's type and
     * message and {@code trace} its stack trace text; for a skip, {@code detail} is the reason.
     */
    record Case(String className, String name, Outcome outcome, String detail, String trace, String output) {
        String simpleClassName() {
            return className.substring(className.lastIndexOf('.') + 1);
        }
    }

    static GuestReport read(Path reportsDir) throws IOException {
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(reportsDir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList()) {
                cases.addAll(parse(f));
            }
        }
        return new GuestReport(List.copyOf(cases));
    }

    private static List<Case> parse(Path file) throws IOException {
        Element suite;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            suite = f.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        } catch (Exception e) {
            throw new IOException("unreadable JUnit report " + file + ": " + e.getMessage(), e);
        }
        List<Case> out = new ArrayList<>();
        NodeList testcases = suite.getElementsByTagName("testcase");
        for (int i = 0; i < testcases.getLength(); i++) {
            Element tc = (Element) testcases.item(i);
            String output = withoutIds(child(tc, "system-out").map(Node::getTextContent).orElse("")
                    + child(tc, "system-err").map(Node::getTextContent).orElse(""));
            Optional<Element> failure = child(tc, "failure").or(() -> child(tc, "error"));
            Optional<Element> skipped = child(tc, "skipped");
            Case c;
            if (failure.isPresent()) {
                Element e = failure.get();
                String type = e.getAttribute("type");
                String message = e.getAttribute("message");
                c = new Case(tc.getAttribute("classname"), tc.getAttribute("name"), Outcome.FAILED,
                        type.isEmpty() ? message : type + ": " + message, e.getTextContent(), output);
            } else if (skipped.isPresent()) {
                String reason = skipped.get().getAttribute("message");
                if (reason.isEmpty()) {
                    reason = skipped.get().getTextContent();
                }
                c = new Case(tc.getAttribute("classname"), tc.getAttribute("name"), Outcome.SKIPPED, skipReason(reason), "", output);
            } else {
                c = new Case(tc.getAttribute("classname"), tc.getAttribute("name"), Outcome.PASSED, "", "", output);
            }
            out.add(c);
        }
        return out;
    }

    /**
     * The reason alone: the report gives a skipped class's tests the whole exception, stack
     * included ({@code parent was skipped: org.opentest4j.TestAbortedException: Assumption failed: …}).
     */
    static String skipReason(String text) {
        String first = text.strip().lines().findFirst().orElse("");
        return first.replace("org.opentest4j.TestAbortedException: ", "").replace("Assumption failed: ", "");
    }

    /** A test's captured output without the identification lines the console launcher adds to it. */
    private static String withoutIds(String output) {
        return output.lines().filter(l -> !l.startsWith("unique-id: ") && !l.startsWith("display-name: "))
                .reduce((a, b) -> a + "\n" + b).orElse("").strip();
    }

    private static Optional<Element> child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static final Pattern FRAME = Pattern.compile("^\\s*at (?:[\\w.]+/)?([\\w$.]+)\\.([\\w$<>]+)\\((?:([^:()]+)(?::(\\d+))?)?\\)\\s*$");

    /** The frames of a stack trace printed by {@link Throwable#printStackTrace()}, first cause only. */
    static StackTraceElement[] frames(String trace) {
        List<StackTraceElement> frames = new ArrayList<>();
        for (String line : trace.split("\n")) {
            if (line.startsWith("Caused by:")) {
                break;
            }
            Matcher m = FRAME.matcher(line);
            if (m.matches()) {
                String file = m.group(3);
                int lineNo = m.group(4) == null ? -1 : Integer.parseInt(m.group(4));
                frames.add(new StackTraceElement(m.group(1), m.group(2), file, lineNo));
            }
        }
        return frames.toArray(StackTraceElement[]::new);
    }
}
