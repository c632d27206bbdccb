package org.unionanalytics.scenario;

import org.unionanalytics.domain.enterprise.DeregisterEnterprise;
import org.unionanalytics.domain.enterprise.Industry;
import org.unionanalytics.domain.enterprise.Ownership;
import org.unionanalytics.domain.enterprise.RegisterEnterprise;
import org.unionanalytics.domain.enterprise.ReportWorkforce;
import org.unionanalytics.domain.shared.District;
import org.unionanalytics.domain.union.DissolveUnion;
import org.unionanalytics.domain.union.EstablishUnion;
import org.unionanalytics.domain.union.RegionalSubkind;
import org.unionanalytics.domain.union.UnionKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.unionanalytics.scenario.Dates.max;
import static org.unionanalytics.scenario.Dates.min;

/** The phases that build the federation tree, the enterprises with their workforce, and the unions covering them. */
final class Workplaces {

    private static final Ownership[] OWNERSHIPS = Ownership.values();
    private static final double[] OWNERSHIP_WEIGHTS = Draw.cumulative(5, 5, 75, 8, 5, 2);
    private static final Industry[] INDUSTRIES = Industry.values();
    private static final double[] INDUSTRY_WEIGHTS = Draw.cumulative(1, 1, 45, 2, 8, 12, 5, 5, 3, 1, 2, 4, 2, 1, 3, 2, 1, 1, 1);

    record Union(String id, UnionKind kind, Places.Township place, LocalDate foundedOn, int[] enterprises) {
    }

    private final Draw draw;
    private final ReferenceFigures figures;
    private final Steps steps;

    /** Enterprises still registered at the end; those after them are deregistered. */
    private int liveEnterprises;
    private Places.Township[] enterprisePlace;
    private LocalDate[] registeredOn;
    private long[] headcount;
    /** The grassroots unions, then the few founded without coverage and dissolved. */
    private Union[] unions;

    Workplaces(Draw draw, ReferenceFigures figures, Steps steps) {
        this.draw = draw;
        this.figures = figures;
        this.steps = steps;
    }

    int liveEnterprises() {
        return liveEnterprises;
    }

    /** Whether the enterprise, one of those still registered at the end, was registered by {@code day}. */
    boolean registeredBy(int enterprise, LocalDate day) {
        return !registeredOn[enterprise].isAfter(day);
    }

    long headcount(int enterprise) {
        return headcount[enterprise];
    }

    Union union(int u) {
        return unions[u];
    }

    int unionCount() {
        return unions.length;
    }

    /** The municipal federation. */
    List<Step> municipalFederation() {
        return List.of(steps.step(new EstablishUnion("union-ningbo", "宁波市总工会", UnionKind.MUNICIPAL_FEDERATION, null, null,
                null, null, LocalDate.of(1950, 1, 1), List.of())));
    }

    /** 15 district federations. */
    List<Step> districtFederations() {
        List<Step> all = new ArrayList<>();
        for (District district : District.values()) {
            all.add(steps.step(new EstablishUnion(Places.districtFederationId(district), district.chineseName() + "总工会",
                    UnionKind.DISTRICT_FEDERATION, null, district, null, "union-ningbo", LocalDate.of(1951, 1, 1), List.of())));
        }
        return all;
    }

    /** A federation in each of the 154 townships. */
    List<Step> townshipFederations() {
        List<Step> all = new ArrayList<>();
        for (Places.Township township : Places.ALL) {
            all.add(steps.step(new EstablishUnion(township.federationId(), township.code() + "总工会",
                    UnionKind.TOWNSHIP_FEDERATION, null, township.district(), township.code(),
                    Places.districtFederationId(township.district()), LocalDate.of(1985, 1, 1), List.of())));
        }
        return all;
    }

    /** Enterprises, registered mostly before 2011 and a tenth since, spread evenly over the townships. */
    List<Step> enterprises() {
        List<Step> all = new ArrayList<>();
        int total = (int) (figures.enterprisesRegistered() + deregisteredCount());
        liveEnterprises = (int) figures.enterprisesRegistered();
        enterprisePlace = new Places.Township[total];
        registeredOn = new LocalDate[total];
        for (int e = 0; e < total; e++) {
            enterprisePlace[e] = Places.ALL.get(draw.between(0, Places.ALL.size() - 1));
            registeredOn[e] = draw.fraction() < 0.9 ? draw.date(LocalDate.of(1995, 1, 1), LocalDate.of(2010, 12, 31))
                    : draw.date(LocalDate.of(2011, 1, 1), LocalDate.of(2016, 12, 31));
            all.add(steps.step(new RegisterEnterprise(Ids.enterprise(e), "企业" + e, OWNERSHIPS[draw.weighted(OWNERSHIP_WEIGHTS)],
                    INDUSTRIES[draw.weighted(INDUSTRY_WEIGHTS)], enterprisePlace[e].district(), enterprisePlace[e].code(),
                    registeredOn[e])));
        }
        return all;
    }

    private long deregisteredCount() {
        return Math.max(1, Math.round(figures.enterprisesCovered() * 0.01));
    }

    /** Each enterprise's workforce: heavy-tailed, summing to the workers exactly. */
    List<Step> workforce() {
        List<Step> all = new ArrayList<>();
        double[] weights = new double[liveEnterprises];
        for (int e = 0; e < liveEnterprises; e++) {
            double x = draw.fraction();
            weights[e] = 1 + 60 * x * x * x;
        }
        headcount = Draw.apportion(figures.workers(), weights);
        for (int e = 0; e < enterprisePlace.length; e++) {
            long count = e < liveEnterprises ? headcount[e] : draw.between(5, 50);
            all.add(steps.step(new ReportWorkforce(Ids.enterprise(e), (int) count, registeredOn[e])));
        }
        return all;
    }

    /** One enterprise in a hundred closed down before 2017 and is no longer registered. */
    List<Step> deregistrations() {
        List<Step> all = new ArrayList<>();
        for (int e = liveEnterprises; e < enterprisePlace.length; e++) {
            all.add(steps.step(new DeregisterEnterprise(Ids.enterprise(e),
                    draw.date(max(registeredOn[e], LocalDate.of(2013, 1, 1)), LocalDate.of(2016, 12, 31)))));
        }
        return all;
    }

    /**
     * Grassroots unions: 70% of one enterprise, 15% joint, 10% regional, 5% industry; every covered
     * enterprise is covered from its union's founding, shortly after its own registration. One
     * union in a hundred more is founded without coverage and dissolved in 2015.
     */
    List<Step> unions() {
        int n = (int) figures.unions();
        int covered = (int) figures.enterprisesCovered();
        int enterpriseUnions = (int) Math.round(n * 0.70);
        int joint = (int) Math.round(n * 0.15);
        int regional = (int) Math.round(n * 0.10);
        int dissolved = (int) Math.max(1, Math.round(n * 0.01));
        double[] sizes = new double[n - enterpriseUnions];
        Arrays.fill(sizes, 1);
        long[] extra = Draw.apportion(covered - n, weightsOf(sizes.length));
        unions = new Union[n + dissolved];
        int nextEnterprise = 0;
        List<Step> all = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            UnionKind kind = u < enterpriseUnions ? UnionKind.ENTERPRISE : u < enterpriseUnions + joint ? UnionKind.JOINT
                    : u < enterpriseUnions + joint + regional ? UnionKind.REGIONAL : UnionKind.INDUSTRY;
            int count = kind == UnionKind.ENTERPRISE ? 1 : 1 + (int) extra[u - enterpriseUnions];
            int[] covers = new int[count];
            LocalDate latest = LocalDate.MIN;
            for (int i = 0; i < count; i++) {
                covers[i] = nextEnterprise++;
                latest = max(latest, registeredOn[covers[i]]);
            }
            LocalDate founded = min(latest.plusDays(draw.between(30, 400)), LocalDate.of(2017, 6, 30));
            Places.Township place = enterprisePlace[covers[0]];
            unions[u] = new Union(Ids.id("union-", u, 6), kind, place, founded, covers);
            all.add(steps.step(new EstablishUnion(unions[u].id(), "基层工会" + u, kind,
                    kind == UnionKind.REGIONAL ? RegionalSubkind.values()[u % 4] : null, place.district(), place.code(),
                    place.federationId(), founded, Arrays.stream(covers).mapToObj(Ids::enterprise).toList())));
        }
        for (int u = n; u < n + dissolved; u++) {
            Places.Township place = Places.ALL.get(u % Places.ALL.size());
            unions[u] = new Union(Ids.id("union-", u, 6), UnionKind.JOINT, place, LocalDate.of(2008, 3, 1), new int[0]);
            all.add(steps.step(new EstablishUnion(unions[u].id(), "基层工会" + u, UnionKind.JOINT, null, place.district(),
                    place.code(), place.federationId(), unions[u].foundedOn(), List.of())));
        }
        return all;
    }

    /** The unions founded without coverage are dissolved in 2015, after their members joined. */
    List<Step> dissolutions() {
        List<Step> all = new ArrayList<>();
        for (int u = (int) figures.unions(); u < unions.length; u++) {
            all.add(steps.step(new DissolveUnion(unions[u].id(), LocalDate.of(2015, 6, 30))));
        }
        return all;
    }

    private double[] weightsOf(int length) {
        double[] weights = new double[length];
        for (int i = 0; i < length; i++) {
            weights[i] = 0.2 + draw.fraction() * draw.fraction() * 3;
        }
        return weights;
    }
}
