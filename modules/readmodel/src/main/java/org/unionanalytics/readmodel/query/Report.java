package org.unionanalytics.readmodel.query;

import java.time.LocalDate;

/** The "five years in numbers" panel (数读过去这五年), phase one. */
public record Report(LocalDate from, LocalDate to, Grassroots grassroots, Economy economy) {

    /** Stock figures: the state on {@code to}. */
    public record Grassroots(long unions, long enterprisesCovered, long enterprisesRegistered, long workers,
                             long members, Double establishmentRate, Double membershipRate, long townships,
                             long townshipsWithFederation) {
    }

    /** Flow figures: what happened from {@code from} to {@code to}, both days included. */
    public record Economy(Double keyProjectCoverage, long keyProjects, long keyProjectsWithMeritCompetition,
                          long skillContests, long skillContestParticipations, long proposals,
                          long innovationAchievements, long operationMethodsPromoted) {
    }
}
