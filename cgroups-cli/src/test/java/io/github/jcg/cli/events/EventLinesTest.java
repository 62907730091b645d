package io.github.jcg.cli.events;

import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.event.EventKind;
import io.github.jcg.core.event.GroupEvent;
import io.github.jcg.core.event.PressureTrigger;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class EventLinesTest {
    private static final Instant T = Instant.parse("2026-03-04T05:06:07.089Z");
    private static final CgroupPath JOB = CgroupPath.of("jobs/a");
    private static final PressureTrigger CPU = PressureTrigger.some(PressureTrigger.Resource.CPU, Duration.ofMillis(150),
            Duration.ofSeconds(2));

    private static String print(boolean json, GroupEvent... events) {
        StringWriter text = new StringWriter();
        EventLines lines = new EventLines(new PrintWriter(text), json, ZoneId.of("Europe/Berlin"));
        for (GroupEvent e : events) {
            lines.print(e);
        }
        return text.toString();
    }

    @Test
    void textIsLocalTimeGroupEventAndForCountersTheRiseAndTotal() {
        assertThat(print(false,
                GroupEvent.of(JOB, EventKind.OOM_KILL, 3, 1, T, 0),
                GroupEvent.of(JOB, EventKind.EMPTY, 0, -1, T, 0),
                new GroupEvent(JOB, EventKind.PRESSURE, 1942760, 180000, T, 0, Optional.of(CPU)),
                GroupEvent.of(JOB, EventKind.REMOVED, 0, 0, T, 0)))
                .isEqualTo("""
                        2026-03-04T06:06:07.089+01:00 /jobs/a oom_kill +1 total=3
                        2026-03-04T06:06:07.089+01:00 /jobs/a empty
                        2026-03-04T06:06:07.089+01:00 /jobs/a pressure cpu some 150ms/2s +180000us total=1942760us
                        2026-03-04T06:06:07.089+01:00 /jobs/a removed
                        """);
    }

    @Test
    void jsonIsOneObjectALineInUtc() {
        assertThat(print(true,
                GroupEvent.of(JOB, EventKind.PIDS_MAX, 40, 12, T, 0),
                new GroupEvent(JOB, EventKind.PRESSURE, 1942760, 180000, T, 0, Optional.of(CPU))))
                .isEqualTo("""
                        {"time":"2026-03-04T05:06:07.089Z","group":"/jobs/a","event":"pids_max","value":40,"delta":12}
                        {"time":"2026-03-04T05:06:07.089Z","group":"/jobs/a","event":"pressure","value":1942760,"delta":180000,\
                        "trigger":{"resource":"cpu","scope":"some","stall_us":150000,"window_us":2000000}}
                        """);
    }
}
