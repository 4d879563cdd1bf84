package io.github.d365bridge.mapping;

import static io.github.d365bridge.mapping.MappingProfileLoaderTest.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every semantic check, each with the exact key and reason it reports. */
class ProfileValidatorTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            stores: {eu_en: {legalEntity: xx}}                       | stores.eu_en.legalEntity: 'xx' is not one of the legal entities [usmf, demf]
            stores: {eu_en: {legalEntity: ""}}                       | stores.eu_en.legalEntity: is required
            stores: {Bad-Code: {legalEntity: usmf, languageId: en-us, currency: USD}} | stores.Bad-Code: 'Bad-Code' is not a Commerce store code (lower-case letters, digits, underscore, starting with a letter)
            stores: {eu_en: {currency: euro}}                        | stores.eu_en.currency: 'euro' is not an ISO currency code (e.g. USD)
            stores: {eu_en: {languageId: English}}                   | stores.eu_en.languageId: 'English' is not a D365 language id (e.g. en-us, de)
            stores: {eu_en: {warehouse: ' 11'}}                      | stores.eu_en.warehouse: ' 11' has surrounding blanks or a line break
            stores: {default: ~, eu_en: ~}                           | stores: must map at least one Commerce store view code
            legalEntities: [usmf, demf, USMF]                        | legalEntities[2]: 'USMF' is not a dataAreaId (1-4 lower-case letters or digits)
            legalEntities: [usmf, demf, usmf]                        | legalEntities[2]: 'usmf' is listed twice
            customers: {guestAccounts: {demf: ~}}                    | customers.guestAccounts.demf: is required, store eu_en writes guest orders to legal entity demf
            customers: {guestAccounts: {frrt: FR-001}}               | customers.guestAccounts.frrt: 'frrt' is not one of the legal entities [usmf, demf]
            customers: {guestAccounts: {usmf: ''}}                   | customers.guestAccounts.usmf: must not be empty
            customers: ~                                             | customers: is required
            customers: {lookupByEmail: ~}                            | customers.lookupByEmail: is required
            deliveryModes: {codes: {flatrate_flatrate: ''}}          | deliveryModes.codes.flatrate_flatrate: must not be empty (leave the code out to use the default)
            paymentMethods: {default: ' CHECK'}                      | paymentMethods.default: ' CHECK' has surrounding blanks or a line break
            items: {unitSymbol: ''}                                  | items.unitSymbol: is required
            items: {table: {SKU-1: ''}}                              | items.table.SKU-1: is required because it is listed
            items: {prefixRules: [{commercePrefix: ''}]}             | items.prefixRules[0].commercePrefix: is required and must not be empty
            items: {mode: table, prefixRules: [{commercePrefix: X}]} | items.prefixRules: apply only in identity mode; items.mode is table (map every SKU in items.table or switch to identity)
            shipping: {mode: charge-line, itemNumber: ''}            | shipping.itemNumber: is required because shipping.mode is charge-line
            discounts: {orderLevel: discount-line, itemNumber: ' '}  | discounts.itemNumber: is required because discounts.orderLevel is discount-line
            inventorySync: {legalEntities: [usmf], sources: {usmf-1-11: wh-east}} | inventorySync.sources.usmf-1-11: name a warehouse as <legal entity>/<site>/<warehouse>, e.g. usmf/1/11
            inventorySync: {legalEntities: [usmf], sources: {demf/1/11: wh-east}} | inventorySync.sources.demf/1/11: legal entity 'demf' is not in inventorySync.legalEntities
            inventorySync: {legalEntities: [usmf], sources: {usmf/1/11: a, usmf/1/12: a}} | inventorySync.sources.usmf/1/12: source 'a' is already the source of usmf/1/11 (one warehouse per source: its quantity is one D365 row)
            inventorySync: {legalEntities: [usmf], sources: {usmf/1/11: a, usmf/1/12: b}, target: stockItems} | inventorySync.sources: target stockItems takes one warehouse per legal entity, usmf has 2
            inventorySync: {legalEntities: [usmf], sources: {usmf/1/11: a}, safetyStock: {b: 1}} | inventorySync.safetyStock.b: not a source of inventorySync.sources
            inventorySync: {legalEntities: [usmf], sources: {usmf/1/11: a}, safetyStock: {a: -1}} | inventorySync.safetyStock.a: must be 0 or more
            inventorySync: {legalEntities: [usmf]}                    | inventorySync.sources: must map at least one warehouse when legal entities are listed
            inventorySync: {legalEntities: [frrt], sources: {frrt/1/11: a}} | inventorySync.legalEntities: 'frrt' is not one of the legal entities [usmf, demf]
            """)
    void eachProblemNamesItsKey(String override, String expected) {
        assertThat(problemsOf(override)).containsExactly(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            shipping: {mode: ignore, itemNumber: ''}
            discounts: {orderLevel: spread, itemNumber: ''}
            items: {table: {' SKU': ' 0012'}}
            paymentMethods: {default: ''}
            """)
    void acceptsWhatIsOnlyRequiredElsewhere(String override) {
        assertThat(MappingProfileLoaderTest.withOverride(override)).isNotNull();
    }

    @org.junit.jupiter.api.Test
    void allProblemsAreReportedAtOnce() {
        List<String> problems = problemsOf("""
                stores: {eu_en: {legalEntity: xx, currency: euro}}
                shipping: {itemNumber: ''}
                """);
        assertThat(problems).containsExactly(
                "stores.eu_en.legalEntity: 'xx' is not one of the legal entities [usmf, demf]",
                "stores.eu_en.currency: 'euro' is not an ISO currency code (e.g. USD)",
                "shipping.itemNumber: is required because shipping.mode is charge-line");
    }
}
