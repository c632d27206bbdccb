package org.unionanalytics.scenario;

import org.junit.jupiter.api.Test;
import org.unionanalytics.domain.competition.EnrollParticipants;
import org.unionanalytics.domain.competition.GrantAward;
import org.unionanalytics.domain.enterprise.DeregisterEnterprise;
import org.unionanalytics.domain.enterprise.RegisterEnterprise;
import org.unionanalytics.domain.membership.EnrollMembers;
import org.unionanalytics.domain.membership.LeaveUnion;
import org.unionanalytics.domain.proposal.PromoteOperationMethod;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceHistoryTest {

    private static String write(long seed, double scale) {
        StringWriter out = new StringWriter();
        HistoryFile.write(new ReferenceHistory(seed, scale), out);
        return out.toString();
    }

    @Test
    void the_same_seed_and_scale_give_the_same_history_byte_for_byte() {
        assertThat(write(7, 0.002)).isEqualTo(write(7, 0.002));
        assertThat(write(8, 0.002)).isNotEqualTo(write(7, 0.002));
    }

    /**
     * An interrupted import resumed by a newer build skips commands by id, and ids follow the
     * generated order: a change to the generator's output must be deliberate (change this digest).
     * Last changed when promotions went only to enterprises registered by their day (the same
     * commands in the same order; their enterprises and days drawn anew).
     */
    @Test
    void the_history_is_the_one_earlier_builds_generated() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(write(1, 0.005).getBytes(StandardCharsets.UTF_8));
        assertThat(HexFormat.of().formatHex(digest))
                .isEqualTo("729c8b21f3f33e7a37b0faedeb1fb8de0e797f36c22e988c9374b91b5a20033e");
    }

    @Test
    void a_history_file_reads_back_as_the_same_commands_phase_by_phase() {
        List<List<Step>> generated = new ArrayList<>();
        new ReferenceHistory(3, 0.002).forEachRemaining(generated::add);
        List<List<Step>> read = new ArrayList<>();
        HistoryFile.read(new BufferedReader(new StringReader(write(3, 0.002)))).forEachRemaining(read::add);
        assertThat(read).isEqualTo(generated);
    }

    @Test
    void every_command_id_is_unique_and_phases_come_in_order() {
        List<Step> steps = new ArrayList<>();
        new ReferenceHistory(1, 0.002).forEachRemaining(steps::addAll);
        assertThat(steps.stream().map(Step::commandId).distinct().count()).isEqualTo(steps.size());
        for (int i = 1; i < steps.size(); i++) {
            assertThat(steps.get(i).phase()).isGreaterThanOrEqualTo(steps.get(i - 1).phase());
        }
    }

    /**
     * The dated rules that span aggregates, checked on the generated commands themselves: at 1/10 the
     * history holds contests before 2012, which the 1/200 history of the import tests may lack.
     */
    @Test
    void participants_promotions_and_awards_fall_on_days_the_rules_allow() {
        Map<String, LocalDate> joined = new HashMap<>();
        Map<String, LocalDate> registered = new HashMap<>();
        Map<String, LocalDate> deregistered = new HashMap<>();
        Map<String, LocalDate> left = new HashMap<>();
        Map<String, LocalDate> enrolled = new HashMap<>();
        new ReferenceHistory(1, 0.1).forEachRemaining(phase -> phase.forEach(step -> {
            Object command = step.command();
            if (command instanceof EnrollMembers roster) {
                roster.memberIds().forEach(member -> joined.putIfAbsent(member, roster.joinedOn()));
            } else if (command instanceof LeaveUnion leaving) {
                left.put(leaving.memberId(), leaving.leftOn());
            } else if (command instanceof RegisterEnterprise enterprise) {
                registered.put(enterprise.enterpriseId(), enterprise.registeredOn());
            } else if (command instanceof DeregisterEnterprise enterprise) {
                deregistered.put(enterprise.enterpriseId(), enterprise.deregisteredOn());
            } else if (command instanceof EnrollParticipants enrolment) {
                enrolment.participants().forEach(participant -> {
                    assertThat(joined.get(participant.participantId())).as(step.commandId())
                            .isBeforeOrEqualTo(enrolment.enrolledOn());
                    assertThat(left.getOrDefault(participant.participantId(), LocalDate.MAX)).as(step.commandId())
                            .isAfter(enrolment.enrolledOn());
                    enrolled.put(enrolment.competitionId() + participant.participantId(), enrolment.enrolledOn());
                });
            } else if (command instanceof GrantAward award) {
                assertThat(award.grantedOn()).as(step.commandId())
                        .isAfterOrEqualTo(enrolled.get(award.competitionId() + award.participantId()));
            } else if (command instanceof PromoteOperationMethod promotion) {
                promotion.enterpriseIds().forEach(enterprise -> {
                    assertThat(registered.get(enterprise)).as(enterprise).isBeforeOrEqualTo(promotion.promotedOn());
                    assertThat(deregistered.getOrDefault(enterprise, LocalDate.MAX)).as(enterprise)
                            .isAfter(promotion.promotedOn());
                });
            }
        }));
        assertThat(enrolled).hasSizeGreaterThan(50_000);
    }

    @Test
    void the_figures_scale_by_rounding() {
        ReferenceFigures full = new ReferenceFigures(1.0);
        assertThat(full.unions()).isEqualTo(27_500);
        assertThat(full.members()).isEqualTo(3_720_000);
        assertThat(full.enterprisesCovered() / (double) full.enterprisesRegistered()).isGreaterThanOrEqualTo(0.95);
        assertThat(full.keyProjectsWithMerit() / (double) full.keyProjects()).isGreaterThanOrEqualTo(0.9);
        ReferenceFigures small = new ReferenceFigures(1.0 / 200);
        assertThat(small.unions()).isEqualTo(138);
        assertThat(small.operationMethodsPromoted()).isEqualTo(10);
    }
}
