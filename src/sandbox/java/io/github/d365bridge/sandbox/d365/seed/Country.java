package io.github.d365bridge.sandbox.d365.seed;

import java.util.List;
import java.util.Map;

/**
 * What an address and a phone number of one country look like: D365's three-letter country id
 * ({@code AddressCountryRegionId}), the ISO alpha-2 code ({@code AddressCountryRegionISOCode}), the
 * calling code, whether the house number comes before the street, cities (with their state where
 * D365 keeps one), streets, a postcode pattern and the usual language.
 *
 * @param zipPattern {@code 9} a digit, {@code A} a letter, anything else as is
 */
record Country(String alpha3, String alpha2, String callingCode, boolean numberFirst, List<String[]> citiesAndStates,
        List<String> streets, String zipPattern, String languageId) {

    private static final Map<String, Country> ALL = Map.ofEntries(
            entry(new Country("USA", "US", "+1", true, List.of(new String[] {"Seattle", "WA"},
                    new String[] {"Redmond", "WA"}, new String[] {"New York", "NY"}, new String[] {"Austin", "TX"},
                    new String[] {"Chicago", "IL"}, new String[] {"San José", "CA"}, new String[] {"Coeur d'Alene", "ID"}),
                    List.of("Main Street", "Market Street", "Oak Avenue", "Pine Road", "Elm Street", "O'Farrell Street"),
                    "99999", "en-us")),
            entry(new Country("CAN", "CA", "+1", true, List.of(new String[] {"Toronto", "ON"},
                    new String[] {"Montréal", "QC"}, new String[] {"Vancouver", "BC"}),
                    List.of("Yonge Street", "Rue Saint-Denis", "Granville Street"), "A9A 9A9", "en-us")),
            entry(new Country("MEX", "MX", "+52", false, List.of(new String[] {"Ciudad de México", "CMX"},
                    new String[] {"Guadalajara", "JAL"}), List.of("Avenida Reforma", "Calle Hidalgo"), "99999", "es")),
            entry(new Country("DEU", "DE", "+49", false, List.of(new String[] {"Berlin", ""},
                    new String[] {"München", ""}, new String[] {"Köln", ""}, new String[] {"Düsseldorf", ""},
                    new String[] {"Hamburg", ""}), List.of("Hauptstraße", "Bahnhofstraße", "Schillerstraße",
                    "Königsallee", "Am Weißen Steg"), "99999", "de")),
            entry(new Country("GBR", "GB", "+44", true, List.of(new String[] {"London", ""},
                    new String[] {"Leeds", ""}, new String[] {"Bristol", ""}, new String[] {"Manchester", ""},
                    new String[] {"Edinburgh", ""}), List.of("High Street", "Station Road", "Church Lane",
                    "Queen's Road", "St John's Wood Road"), "AA9 9AA", "en-gb")),
            entry(new Country("FRA", "FR", "+33", true, List.of(new String[] {"Paris", ""},
                    new String[] {"Lyon", ""}, new String[] {"Orléans", ""}), List.of("rue de la Paix",
                    "avenue des Champs-Élysées", "boulevard Saint-Germain"), "99999", "fr")),
            entry(new Country("NLD", "NL", "+31", false, List.of(new String[] {"Amsterdam", ""},
                    new String[] {"Rotterdam", ""}, new String[] {"'s-Hertogenbosch", ""}),
                    List.of("Kerkstraat", "Prinsengracht", "Stationsplein"), "9999 AA", "nl")),
            entry(new Country("AUT", "AT", "+43", false, List.of(new String[] {"Wien", ""},
                    new String[] {"Graz", ""}), List.of("Mariahilfer Straße", "Herrengasse"), "9999", "de")),
            entry(new Country("CHE", "CH", "+41", false, List.of(new String[] {"Zürich", ""},
                    new String[] {"Genève", ""}), List.of("Bahnhofstrasse", "Rue du Rhône"), "9999", "de")),
            entry(new Country("BEL", "BE", "+32", false, List.of(new String[] {"Bruxelles", ""},
                    new String[] {"Antwerpen", ""}), List.of("Rue Neuve", "Meir"), "9999", "nl")),
            entry(new Country("DNK", "DK", "+45", false, List.of(new String[] {"København", ""},
                    new String[] {"Aarhus", ""}), List.of("Strøget", "Nørregade"), "9999", "da")),
            entry(new Country("IRL", "IE", "+353", true, List.of(new String[] {"Dublin", ""},
                    new String[] {"Cork", ""}), List.of("O'Connell Street", "Grafton Street"), "A99 A9A9", "en-gb")));

    /** Countries customers abroad come from, by home country. */
    private static final Map<String, List<String>> ABROAD = Map.of(
            "USA", List.of("CAN", "MEX", "GBR"),
            "DEU", List.of("AUT", "CHE", "FRA", "NLD", "BEL", "DNK"),
            "GBR", List.of("IRL", "FRA", "NLD", "DEU"));

    private static Map.Entry<String, Country> entry(Country country) {
        return Map.entry(country.alpha3(), country);
    }

    static Country of(String alpha3) {
        Country country = ALL.get(alpha3);
        if (country == null) {
            throw new IllegalArgumentException("no address data for country " + alpha3);
        }
        return country;
    }

    /** The countries a customer of a company at home could instead be from. */
    static List<String> abroadFrom(String home) {
        return ABROAD.getOrDefault(home, List.of("CAN", "GBR"));
    }

    String street(SeedRandom r) {
        String street = r.pick(streets);
        String number = Integer.toString(1 + r.nextInt(numberFirst ? 9999 : 180));
        return numberFirst ? number + " " + street : street + " " + number;
    }

    String zip(SeedRandom r) {
        StringBuilder zip = new StringBuilder(zipPattern.length());
        for (char c : zipPattern.toCharArray()) {
            zip.append(c == '9' ? (char) ('0' + r.nextInt(10)) : c == 'A' ? (char) ('A' + r.nextInt(26)) : c);
        }
        return zip.toString();
    }

    String phone(SeedRandom r) {
        return callingCode + " " + (20 + r.nextInt(80)) + " " + Padding.zeros(r.nextInt(10_000_000), 7);
    }

    /**
     * The one-text address D365 puts in {@code FullPrimaryAddress}: lines separated by {@code \n}, the
     * country id last; the zip before the city except in North America and Britain.
     */
    String fullAddress(String street, String zip, String city, String state) {
        String cityLine = switch (alpha3) {
            case "USA", "CAN" -> city + ", " + state + " " + zip;
            case "GBR", "IRL" -> city + "\n" + zip;
            default -> zip + " " + city;
        };
        return street + "\n" + cityLine + "\n" + alpha3;
    }
}
