package io.tacit.schedule;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A five-field cron schedule ({@code minute hour day-of-month month day-of-week}) in a time zone, as the
 * OpenMetadata and DataHub schedule editors write it: {@code *}, lists, ranges, steps, month and day names,
 * 0 or 7 for Sunday, and the presets {@code @hourly @daily @weekly @monthly @yearly}. When both day fields are
 * restricted a day matches either (classic cron). A local time skipped by a daylight-saving jump fires that much
 * later (02:30 becomes 03:30); a repeated local hour fires once (the earlier offset).
 */
public record CronExpression(String text, ZoneId zone) {
    private static final Map<String, String> PRESETS = Map.of(
            "@hourly", "0 * * * *",
            "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *",
            "@weekly", "0 0 * * 0",
            "@monthly", "0 0 1 * *",
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *");
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
            "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    /** Five years of days: any valid expression fires within that (29 February needs four). */
    private static final int MAX_DAYS = 5 * 366;

    public CronExpression {
        requireNonNull(text, "text is null");
        requireNonNull(zone, "zone is null");
        text = text.trim();
        fields(text);
    }

    /**
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public static CronExpression parse(String text, ZoneId zone) {
        return new CronExpression(text, zone);
    }

    /** The first instant strictly after {@code after} that the schedule fires at. */
    public Instant next(Instant after) {
        Fields fields = fields(text);
        ZonedDateTime start = after.atZone(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDate day = start.toLocalDate();
        LocalTime from = start.toLocalTime();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1), from = LocalTime.MIDNIGHT) {
            if (!fields.month.get(day.getMonthValue()) || !fields.matchesDay(day)) {
                continue;
            }
            Optional<Instant> fire = firstTime(fields, day, from, after);
            if (fire.isPresent()) {
                return fire.get();
            }
        }
        throw new IllegalArgumentException("cron '" + text + "' never fires");
    }

    private Optional<Instant> firstTime(Fields fields, LocalDate day, LocalTime from, Instant after) {
        for (int hour = fields.hour.nextSetBit(from.getHour()); hour >= 0 && hour < 24; hour = fields.hour.nextSetBit(hour + 1)) {
            int firstMinute = hour == from.getHour() ? from.getMinute() : 0;
            for (int minute = fields.minute.nextSetBit(firstMinute); minute >= 0 && minute < 60;
                    minute = fields.minute.nextSetBit(minute + 1)) {
                Instant fire = ZonedDateTime.ofLocal(LocalDateTime.of(day, LocalTime.of(hour, minute)), zone, null).toInstant();
                if (fire.isAfter(after)) {
                    return Optional.of(fire);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return text + " (" + zone + ")";
    }

    private record Fields(BitSet minute, BitSet hour, BitSet dayOfMonth, BitSet month, BitSet dayOfWeek,
            boolean dayOfMonthRestricted, boolean dayOfWeekRestricted) {
        boolean matchesDay(LocalDate day) {
            boolean byMonthDay = dayOfMonth.get(day.getDayOfMonth());
            boolean byWeekDay = dayOfWeek.get(day.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : day.getDayOfWeek().getValue());
            if (dayOfMonthRestricted && dayOfWeekRestricted) {
                return byMonthDay || byWeekDay;
            }
            return byMonthDay && byWeekDay;
        }
    }

    private static Fields fields(String text) {
        String expanded = PRESETS.getOrDefault(text.toLowerCase(Locale.ROOT), text);
        String[] parts = expanded.trim().split("\\s+");
        if (parts.length != 5) {
            throw new IllegalArgumentException("cron '" + text + "' must have 5 fields (minute hour day-of-month month "
                    + "day-of-week) or be one of " + PRESETS.keySet().stream().sorted().toList() + ", got " + parts.length);
        }
        BitSet dayOfWeek = field("day-of-week", parts[4], 0, 7, DAYS);
        if (dayOfWeek.get(7)) {
            dayOfWeek.set(0);
            dayOfWeek.clear(7);
        }
        return new Fields(field("minute", parts[0], 0, 59, List.of()), field("hour", parts[1], 0, 23, List.of()),
                field("day-of-month", parts[2], 1, 31, List.of()), field("month", parts[3], 1, 12, MONTHS), dayOfWeek,
                !parts[2].equals("*") && !parts[2].equals("?"), !parts[4].equals("*") && !parts[4].equals("?"));
    }

    private static BitSet field(String name, String text, int min, int max, List<String> names) {
        BitSet values = new BitSet();
        for (String item : text.split(",", -1)) {
            int step = 1;
            String range = item;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                step = number(name, item.substring(slash + 1), 1, max, List.of(), 0);
                range = item.substring(0, slash);
            }
            int low;
            int high;
            if (range.equals("*") || range.equals("?")) {
                low = min;
                high = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", -1);
                if (ends.length != 2) {
                    throw new IllegalArgumentException("cron " + name + " field: '" + item + "' is not a range");
                }
                low = number(name, ends[0], min, max, names, min);
                high = number(name, ends[1], min, max, names, min);
                if (high < low) {
                    throw new IllegalArgumentException("cron " + name + " field: range '" + item + "' runs backwards");
                }
            } else {
                low = number(name, range, min, max, names, min);
                high = slash >= 0 ? max : low;
            }
            for (int value = low; value <= high; value += step) {
                values.set(value);
            }
        }
        return values;
    }

    private static int number(String name, String text, int min, int max, List<String> names, int firstName) {
        int index = names.indexOf(text.toUpperCase(Locale.ROOT));
        if (index >= 0) {
            return firstName + index;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new IllegalArgumentException("cron " + name + " field: " + value + " is outside " + min + "-" + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cron " + name + " field: '" + text + "' is not a number"
                    + (names.isEmpty() ? "" : " or a name (" + String.join(", ", names) + ")"));
        }
    }
}
