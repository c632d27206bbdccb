package org.unionanalytics.app;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A write load for timing answers the read model must keep up with: each call enrols a new member
 * in a union and has them leave the next day, then waits until the read model reflects it. The
 * reference figures, taken on the last day of the history, stay exactly as they were.
 */
final class PassingMembers implements Runnable {

    private static final Pattern POSITION = Pattern.compile("\"position\":\"?(\\d+)");

    private final UnionAnalytics server;
    private final HttpLoad http;
    private final String unionId;
    private final String prefix = "member-passing-" + System.currentTimeMillis() + "-";
    private int passed;

    PassingMembers(UnionAnalytics server, HttpLoad http) {
        this.server = server;
        this.http = http;
        this.unionId = server.node().readSide.model().read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet union = statement.executeQuery("SELECT min(union_id) FROM unions WHERE kind = 'ENTERPRISE'"
                         + " AND founded_on < DATE '2017-01-01' AND dissolved_on IS NULL")) {
                union.next();
                return union.getString(1);
            }
        });
    }

    @Override
    public void run() {
        String memberId = prefix + passed++;
        http.post(server.port(), "mutation { enrollMembers(input: {unionId: \"" + unionId + "\", memberIds: [\"" + memberId
                + "\"], joinedOn: \"2017-09-01\"}) { position } }");
        String left = http.post(server.port(), "mutation { leaveUnion(input: {memberId: \"" + memberId
                + "\", leftOn: \"2017-09-02\"}) { position } }");
        Matcher position = POSITION.matcher(left);
        if (!position.find()) {
            throw new IllegalStateException("the leave was not acknowledged with a position: " + left);
        }
        long target = Long.parseLong(position.group(1));
        long reached = server.node().readSide.awaitPosition(target, Duration.ofSeconds(30)).join();
        if (reached < target) {
            // a report timed now would not reflect the write, and would be timed from kept answers
            throw new IllegalStateException("the read model reached only event " + reached + " of " + target + " within 30 s");
        }
    }
}
