package com.rides.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * The second-by-second plan of one ride of a class: a warm-up ramp, the
 * discipline's main set repeated to fill the time, a cool-down ramp. Drawn per
 * ride (instructors vary a class's blocks; so does the rider's choice of effort),
 * always exactly the class's length: a rider who stops early cuts the plan short
 * rather than riding a compressed one.
 */
final class ClassPlan {

    private final List<Segment> segments;
    private int index;
    private int secondInSegment;

    private ClassPlan(List<Segment> segments) {
        this.segments = segments;
    }

    static ClassPlan draw(Discipline discipline, int durationS, Rng rng) {
        int warmUp = (int) Math.round(Draw.clamp(0.12 * durationS, 60, 600));
        int coolDown = (int) Math.round(Draw.clamp(0.08 * durationS, 60, 300));
        int main = durationS - warmUp - coolDown;
        List<Segment> plan = new ArrayList<>();
        plan.add(new Segment(warmUp, 0.45, 0.65, 78, 88));
        List<Segment> block = new ArrayList<>();
        int filled = 0;
        while (filled < main) {
            block.clear();
            discipline.addMainSetBlock(rng, block);
            for (Segment s : block) {
                if (filled == main) {
                    break;
                }
                Segment fitted = filled + s.seconds() > main ? s.truncated(main - filled) : s;
                plan.add(fitted);
                filled += fitted.seconds();
            }
        }
        plan.add(new Segment(coolDown, 0.60, 0.40, 85, 75));
        return new ClassPlan(plan);
    }

    int totalSeconds() {
        return segments.stream().mapToInt(Segment::seconds).sum();
    }

    /** Moves to the next second; the plan is read one second at a time, in order. */
    void advance() {
        secondInSegment++;
        if (secondInSegment == segments.get(index).seconds() && index < segments.size() - 1) {
            index++;
            secondInSegment = 0;
        }
    }

    double pctFtp() {
        return segments.get(index).pctFtpAt(secondInSegment);
    }

    double cadenceRpm() {
        return segments.get(index).cadenceAt(secondInSegment);
    }
}
