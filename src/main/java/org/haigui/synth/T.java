package org.haigui.synth;

import java.util.List;
import org.haigui.schema.Schema;
import org.haigui.schema.Table;

/** Table numbers and column positions of the generated rows, taken from {@link Schema} (canonical order). */
final class T {

    static final List<Table> TABLES = Schema.tables();
    static final int PERSONS = index("persons");
    static final int EPISODES = index("overseas_episodes");
    static final int MOVES = index("city_moves");
    static final int ENTERPRISES = index("enterprises");
    static final int PEOPLE = index("enterprise_people");
    static final int YEARS = index("enterprise_years");
    static final int SUPPORT = index("support");
    static final int SURVEY = index("survey");
    static final int COUNT = TABLES.size();

    static final int P_ID = col(PERSONS, "person_id");
    static final int P_IDNO = col(PERSONS, "id_number");
    static final int P_ZH = col(PERSONS, "name_zh");
    static final int P_EN = col(PERSONS, "name_en");
    static final int P_GENDER = col(PERSONS, "gender");
    static final int P_BIRTH = col(PERSONS, "birth_date");
    static final int P_DEGREE = col(PERSONS, "highest_degree");
    static final int P_FIELD = col(PERSONS, "field");

    static final int X_ID = col(EPISODES, "episode_id");
    static final int X_PERSON = col(EPISODES, "person_id");
    static final int X_KIND = col(EPISODES, "kind");
    static final int X_INST = col(EPISODES, "institution");
    static final int X_INST_ID = col(EPISODES, "institution_id");
    static final int X_COUNTRY = col(EPISODES, "country");
    static final int X_START = col(EPISODES, "start_date");
    static final int X_END = col(EPISODES, "end_date");
    static final int X_DEGREE = col(EPISODES, "degree");

    static final int M_ID = col(MOVES, "move_id");
    static final int M_PERSON = col(MOVES, "person_id");
    static final int M_DATE = col(MOVES, "date");
    static final int M_EVENT = col(MOVES, "event");
    static final int M_DISTRICT = col(MOVES, "district");

    static final int F_ID = col(ENTERPRISES, "enterprise_id");
    static final int F_CREDIT = col(ENTERPRISES, "credit_code");
    static final int F_ZH = col(ENTERPRISES, "name_zh");
    static final int F_EN = col(ENTERPRISES, "name_en");
    static final int F_FOUNDED = col(ENTERPRISES, "founded_date");
    static final int F_DISSOLVED = col(ENTERPRISES, "dissolved_date");
    static final int F_DISTRICT = col(ENTERPRISES, "district");
    static final int F_ZONE = col(ENTERPRISES, "zone");
    static final int F_INDUSTRY = col(ENTERPRISES, "industry");

    static final int E_FIRM = col(PEOPLE, "enterprise_id");
    static final int E_PERSON = col(PEOPLE, "person_id");
    static final int E_ROLE = col(PEOPLE, "role");
    static final int E_JOINED = col(PEOPLE, "joined_date");
    static final int E_LEFT = col(PEOPLE, "left_date");

    static final int Y_FIRM = col(YEARS, "enterprise_id");
    static final int Y_YEAR = col(YEARS, "year");
    static final int Y_EMP = col(YEARS, "employees");
    static final int Y_LOCAL = col(YEARS, "local_employees");
    static final int Y_REV = col(YEARS, "revenue");
    static final int Y_OREV = col(YEARS, "overseas_revenue");
    static final int Y_MARKETS = col(YEARS, "overseas_markets");
    static final int Y_RD = col(YEARS, "rd_expense");
    static final int Y_PATENTS = col(YEARS, "patents_granted");
    static final int Y_TAX = col(YEARS, "tax_paid");
    static final int Y_PROFIT = col(YEARS, "net_profit");
    static final int Y_FUNDING = col(YEARS, "funding_raised");
    static final int Y_HIGHTECH = col(YEARS, "high_tech");

    static final int S_ID = col(SUPPORT, "support_id");
    static final int S_FIRM = col(SUPPORT, "enterprise_id");
    static final int S_PERSON = col(SUPPORT, "person_id");
    static final int S_PROGRAM = col(SUPPORT, "program");
    static final int S_YEAR = col(SUPPORT, "year");
    static final int S_AMOUNT = col(SUPPORT, "amount");

    static final int Q_RESP = col(SURVEY, "respondent_id");
    static final int Q_QUESTION = col(SURVEY, "question");
    static final int Q_ANSWER = col(SURVEY, "answer");
    static final int Q_WEIGHT = col(SURVEY, "weight");
    static final int Q_PERSON = col(SURVEY, "person_id");
    static final int Q_FIRM = col(SURVEY, "enterprise_id");

    private T() {
    }

    static int width(int table) {
        return TABLES.get(table).columns().size();
    }

    static String name(int table) {
        return TABLES.get(table).name();
    }

    static String column(int table, int col) {
        return TABLES.get(table).columns().get(col).name();
    }

    private static int index(String table) {
        for (int i = 0; i < TABLES.size(); i++) {
            if (TABLES.get(i).name().equals(table)) {
                return i;
            }
        }
        throw new IllegalStateException("schema has no table " + table);
    }

    private static int col(int table, String column) {
        List<org.haigui.schema.Column> cs = TABLES.get(table).columns();
        for (int i = 0; i < cs.size(); i++) {
            if (cs.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalStateException("schema table " + name(table) + " has no column " + column);
    }
}
