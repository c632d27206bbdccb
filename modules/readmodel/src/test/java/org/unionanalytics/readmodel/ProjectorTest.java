package org.unionanalytics.readmodel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionanalytics.domain.enterprise.EnterpriseCovered;
import org.unionanalytics.domain.enterprise.EnterpriseRegistered;
import org.unionanalytics.domain.enterprise.Industry;
import org.unionanalytics.domain.enterprise.Ownership;
import org.unionanalytics.domain.enterprise.WorkforceReported;
import org.unionanalytics.domain.membership.MemberJoined;
import org.unionanalytics.domain.membership.MemberLeft;
import org.unionanalytics.domain.membership.MemberTransferred;
import org.unionanalytics.domain.proposal.ProposalCategory;
import org.unionanalytics.domain.proposal.ProposalSubmitted;
import org.unionanalytics.domain.union.UnionDissolved;
import org.unionanalytics.domain.union.UnionEstablished;
import org.unionanalytics.domain.union.UnionKind;
import org.unionanalytics.readmodel.cube.CubeEngine;
import org.unionanalytics.readmodel.cube.CubeQuery;
import org.unionanalytics.readmodel.query.MemberQueries;
import org.unionanalytics.readmodel.query.Report;
import org.unionanalytics.readmodel.query.ReportQuery;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionanalytics.domain.shared.District.HAISHU;

class ProjectorTest {

    private static final LocalDate D2013 = LocalDate.of(2013, 1, 1);
    private static final LocalDate FROM = LocalDate.of(2012, 10, 1);
    private static final LocalDate TO = LocalDate.of(2017, 9, 21);

    @TempDir
    Path directory;
    private ProjectedHistory history;

    @BeforeEach
    void start() {
        history = new ProjectedHistory(directory);
        reportQuery = new ReportQuery(new CubeEngine(history::model, tables -> history.projector().changedAt(tables),
                Duration.ofSeconds(10)), Runnable::run);
    }

    @AfterEach
    void close() {
        history.close();
    }

    private void publish(Object... payloads) {
        history.publish(payloads);
    }

    private Reports reports() {
        history.caughtUp();
        return (from, to) -> reportQuery.report(from, to, null, null);
    }

    /** One engine for the whole test, so that its answers are kept from one report to the next. */
    private ReportQuery reportQuery;

    private interface Reports {
        Report report(LocalDate from, LocalDate to);
    }

    private void aSmallFederation() {
        publish(new UnionEstablished("union-haishu-01", "Township 1", UnionKind.TOWNSHIP_FEDERATION, null, HAISHU,
                        "HAISHU-01", "union-haishu", D2013),
                new UnionEstablished("union-a", "A", UnionKind.ENTERPRISE, null, HAISHU, "HAISHU-01", "union-haishu-01", D2013),
                new UnionEstablished("union-b", "B", UnionKind.JOINT, null, HAISHU, "HAISHU-02", "union-haishu-01", D2013),
                new EnterpriseRegistered("enterprise-a", "A", Ownership.PRIVATE, Industry.MANUFACTURING, HAISHU, "HAISHU-01", D2013),
                new EnterpriseRegistered("enterprise-b", "B", Ownership.PRIVATE, Industry.CONSTRUCTION, HAISHU, "HAISHU-02", D2013),
                new WorkforceReported("enterprise-a", 10, D2013),
                new WorkforceReported("enterprise-b", 5, D2013),
                new WorkforceReported("enterprise-a", 12, D2013.plusYears(2)),
                new EnterpriseCovered("enterprise-a", "union-a", D2013),
                new EnterpriseCovered("enterprise-b", "union-b", D2013));
    }

    @Test
    void the_report_counts_stock_on_the_end_date_from_projected_facts() {
        aSmallFederation();
        publish(new MemberJoined("member-1", "union-a", D2013), new MemberJoined("member-2", "union-a", D2013),
                new MemberJoined("member-3", "union-b", D2013));

        Report report = reports().report(FROM, TO);
        assertThat(report.grassroots().unions()).isEqualTo(2);
        assertThat(report.grassroots().enterprisesRegistered()).isEqualTo(2);
        assertThat(report.grassroots().enterprisesCovered()).isEqualTo(2);
        assertThat(report.grassroots().workers()).isEqualTo(17);
        assertThat(report.grassroots().members()).isEqualTo(3);
        assertThat(report.grassroots().membershipRate()).isEqualTo(3.0 / 17);
        assertThat(report.grassroots().townships()).isEqualTo(2);
        assertThat(report.grassroots().townshipsWithFederation()).isEqualTo(1);
        assertThat(reports().report(FROM, D2013.plusYears(1)).grassroots().workers()).isEqualTo(15);
    }

    @Test
    void a_kept_answer_is_given_again_only_while_the_read_model_stays_where_it_was() {
        aSmallFederation();
        publish(new MemberJoined("member-1", "union-a", D2013));
        assertThat(reports().report(FROM, TO).grassroots().members()).isEqualTo(1);
        assertThat(reports().report(FROM, TO).grassroots().members()).isEqualTo(1);
        publish(new MemberJoined("member-2", "union-b", D2013));
        assertThat(reports().report(FROM, TO).grassroots().members()).isEqualTo(2);
    }

    @Test
    void kept_answers_outlive_writes_to_tables_they_do_not_read_and_no_others() {
        aSmallFederation();
        publish(new MemberJoined("member-1", "union-a", D2013), new ProposalSubmitted("proposal-1", "member-1", "union-a",
                "enterprise-a", ProposalCategory.RATIONALIZATION, "Faster changeovers", D2013));
        CubeEngine cubes = new CubeEngine(history::model, tables -> history.projector().changedAt(tables), Duration.ofSeconds(10));
        CubeQuery proposals = total("proposals", "proposals");
        CubeQuery members = total("membership", "members");
        history.caughtUp();
        var proposalsBefore = cubes.run(proposals);
        var membersBefore = cubes.run(members);

        publish(new MemberJoined("member-2", "union-b", D2013));
        history.caughtUp();
        assertThat(cubes.run(proposals)).isSameAs(proposalsBefore);
        assertThat(cubes.run(members)).isNotSameAs(membersBefore).containsExactly(Map.of("members", 2L));

        publish(new ProposalSubmitted("proposal-2", "member-2", "union-b", "enterprise-b", ProposalCategory.RATIONALIZATION,
                "Safer scaffolds", D2013));
        history.caughtUp();
        assertThat(proposalsBefore).containsExactly(Map.of("proposals", 1L));
        assertThat(cubes.run(proposals)).containsExactly(Map.of("proposals", 2L));
    }

    @Test
    void the_projector_says_where_each_table_last_changed() {
        aSmallFederation();
        history.caughtUp();
        long federation = history.head();
        long joined = history.publish(new MemberJoined("member-1", "union-a", D2013));
        history.caughtUp();
        Projector projector = history.projector();
        assertThat(projector.changedAt(Set.of("memberships"))).isEqualTo(joined);
        assertThat(projector.changedAt(Set.of("unions", "enterprises"))).isPositive().isLessThanOrEqualTo(federation);
        assertThat(projector.changedAt(Set.of("proposals", "memberships"))).isEqualTo(joined);
        assertThat(projector.changedAt(Set.of("proposals"))).isZero();
    }

    private static CubeQuery total(String cube, String measure) {
        return new CubeQuery(cube, List.of(), List.of(), List.of(measure), null, List.of(), CubeQuery.DEFAULT_LIMIT, 0, TO,
                null, CubeEngine.defaultZone());
    }

    @Test
    void a_join_transfer_and_leave_in_one_batch_leave_the_right_spells() {
        aSmallFederation();
        publish(new MemberJoined("member-1", "union-a", D2013),
                new MemberTransferred("member-1", "union-a", "union-b", D2013.plusYears(1)),
                new MemberLeft("member-1", "union-b", D2013.plusYears(2)),
                new MemberJoined("member-1", "union-a", D2013.plusYears(3)));

        assertThat(new MemberQueries(history::caughtUp).spells("member-1"))
                .extracting(s -> s.get("unionId") + " " + s.get("joinedOn") + ".." + s.get("endedOn"))
                .containsExactly("union-a 2013-01-01..2014-01-01", "union-b 2014-01-01..2015-01-01",
                        "union-a 2016-01-01..null");
        var reports = reports();
        assertThat(reports.report(FROM, D2013.plusYears(1)).grassroots().members()).isEqualTo(1);
        assertThat(reports.report(FROM, D2013.plusYears(2).plusDays(1)).grassroots().members()).isZero();
        assertThat(reports.report(FROM, TO).grassroots().members()).isEqualTo(1);
    }

    @Test
    void members_are_counted_in_their_union_until_they_leave_move_or_join_another() {
        aSmallFederation();
        publish(new MemberJoined("member-1", "union-a", D2013), new MemberJoined("member-2", "union-b", D2013));
        history.caughtUp();
        // a later batch: the stored spell is closed, and its union counted one member fewer from that day
        publish(new MemberLeft("member-1", "union-a", D2013.plusYears(1)));
        history.caughtUp();

        CubeEngine cubes = new CubeEngine(history::model, tables -> history.projector().changedAt(tables), Duration.ofSeconds(10));
        Function<LocalDate, List<String>> membersByUnion = on -> cubes.run(new CubeQuery("membership", List.of("unionId"),
                        List.of(), List.of("members"), null, List.of(), CubeQuery.DEFAULT_LIMIT, 0, on, null, CubeEngine.defaultZone()))
                .stream().map(row -> row.get("unionId") + " " + row.get("members")).toList();
        assertThat(membersByUnion.apply(D2013)).containsExactly("union-a 1", "union-b 1");
        assertThat(membersByUnion.apply(D2013.plusYears(1))).containsExactly("union-b 1");

        // union-b is dissolved at the end of 2015; its member joins union-a before that, which ends
        // his spell in union-b without an event naming it
        publish(new UnionDissolved("union-b", D2013.plusYears(3)));
        history.caughtUp();
        publish(new MemberJoined("member-2", "union-a", D2013.plusYears(2)));
        history.caughtUp();
        assertThat(membersByUnion.apply(D2013.plusYears(2).minusDays(1))).containsExactly("union-b 1");
        assertThat(membersByUnion.apply(D2013.plusYears(2))).containsExactly("union-a 1");
    }

    @Test
    void members_and_coverage_of_a_dissolved_union_no_longer_count() {
        aSmallFederation();
        publish(new MemberJoined("member-1", "union-a", D2013), new UnionDissolved("union-a", D2013.plusYears(1)));

        Report report = reports().report(FROM, TO);
        assertThat(report.grassroots().unions()).isEqualTo(1);
        assertThat(report.grassroots().members()).isZero();
        assertThat(report.grassroots().enterprisesCovered()).isEqualTo(1);
    }

    @Test
    void after_a_bulk_load_the_events_that_trickle_in_share_one_batch() throws InterruptedException {
        aSmallFederation();
        history.caughtUp();
        history.stop();
        for (int i = 0; i < 1_000; i++) { // a full batch: the projector's next one waits for more
            publish(new MemberJoined("member-" + i, "union-a", D2013));
        }
        history.start();
        history.caughtUp();
        long batches = history.projector().work().batches();

        for (int i = 0; i < 5; i++) {
            publish(new MemberJoined("late-" + i, "union-b", D2013));
            Thread.sleep(20);
        }
        history.caughtUp();

        assertThat(history.projector().work().batches() - batches).isEqualTo(1);
        assertThat(reports().report(FROM, TO).grassroots().members()).isEqualTo(1_005);
    }

    @Test
    void after_a_restart_the_projector_resumes_where_it_committed_and_counts_each_event_once() {
        aSmallFederation();
        publish(new MemberJoined("member-1", "union-a", D2013));
        history.caughtUp();
        history.stop();

        long head = history.publish(new MemberJoined("member-2", "union-a", D2013));
        history.start();
        assertThat(history.model().position()).isEqualTo(head - 1);
        assertThat(reports().report(FROM, TO).grassroots().members()).isEqualTo(2);
        assertThat(history.model().position()).isEqualTo(head);
    }

    @Test
    void when_reading_the_log_fails_midway_the_projector_starts_again_from_its_last_commit() {
        aSmallFederation();
        history.caughtUp();
        history.stop();
        FailingOnceSource breaking = new FailingOnceSource(history.events(), 2);
        history.readThrough(breaking);
        history.start();
        long head = history.publish(new MemberJoined("member-1", "union-a", D2013), new MemberJoined("member-2", "union-a", D2013),
                new MemberJoined("member-3", "union-b", D2013), new MemberLeft("member-1", "union-a", D2013.plusYears(1)));

        assertThat(reports().report(FROM, TO).grassroots().members()).isEqualTo(2);
        assertThat(breaking.hasBroken()).isTrue();
        assertThat(history.model().position()).isEqualTo(head);
    }
}
