package org.unionanalytics.scenario;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * The Ningbo federation's history from before 2012-10-01 to 2017-09-21, as commands that pass
 * every rule, generated from a seed and a scale. At scale 1 the report's phase-1 figures come out
 * exactly as DOMAIN.md states them ("at least" figures exactly at their floor). Phases are built one
 * at a time, in order, from one random stream, so a seed and a scale always give the same history.
 * The distributions are described where they are drawn: {@link Workplaces}, {@link Members},
 * {@link Contests}, {@link Proposals}.
 */
public final class ReferenceHistory implements Iterator<List<Step>> {

    public static final LocalDate FROM = LocalDate.of(2012, 10, 1);
    public static final LocalDate TO = LocalDate.of(2017, 9, 21);

    private final Steps steps;
    private final List<Supplier<List<Step>>> phases;
    private int phase;

    public ReferenceHistory(long seed, double scale) {
        Draw draw = new Draw(seed);
        ReferenceFigures figures = new ReferenceFigures(scale);
        steps = new Steps(seed, scale);
        var workplaces = new Workplaces(draw, figures, steps);
        var members = new Members(draw, figures, steps, workplaces);
        var contests = new Contests(draw, figures, steps, members);
        var proposals = new Proposals(draw, figures, steps, workplaces, members);
        phases = List.of(workplaces::municipalFederation, workplaces::districtFederations, workplaces::townshipFederations,
                workplaces::enterprises, workplaces::workforce, workplaces::deregistrations, workplaces::unions,
                members::rosters, members::churn, workplaces::dissolutions,
                contests::keyProjects, contests::competitions, contests::enrolments, contests::awards, contests::closings,
                proposals::submissions, proposals::decisions, proposals::implementations, proposals::recognitions,
                proposals::promotions);
    }

    @Override
    public boolean hasNext() {
        return phase < phases.size();
    }

    @Override
    public List<Step> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Supplier<List<Step>> next = phases.get(phase++);
        steps.startPhase(phase); // numbered from 1
        return next.get();
    }
}
