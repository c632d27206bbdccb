package org.unionanalytics.domain.membership;

import java.time.LocalDate;

public record MemberJoined(String memberId, String unionId, LocalDate joinedOn) {
}
