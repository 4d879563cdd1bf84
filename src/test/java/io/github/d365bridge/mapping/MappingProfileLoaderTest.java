package io.github.d365bridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.d365bridge.config.ConfigurationException;

class MappingProfileLoaderTest {

    static MappingProfile withOverride(String yaml) {
        return MappingProfileLoader.fromText(MappingProfileLoader.defaultText(), Optional.of(yaml), "test override");
    }

    static List<String> problemsOf(String yaml) {
        try {
            withOverride(yaml);
        } catch (ConfigurationException e) {
            return e.problems();
        }
        throw new AssertionError("the override was accepted:\n" + yaml);
    }

    @Test
    void defaultProfileLoadsWithItsDocumentedValues() {
        MappingProfile profile = MappingProfileLoader.load(Optional.empty());

        assertThat(profile.legalEntities()).containsExactly("usmf", "demf");
        assertThat(profile.stores()).containsOnlyKeys("default", "eu_en");
        assertThat(profile.store("eu_en")).contains(new StoreMapping("demf", "en-gb", "EUR", "11", "1"));
        assertThat(profile.customers().guestAccount("usmf")).contains("US-027");
        assertThat(profile.customers().unresolvedCustomer()).isEqualTo(CustomerMapping.Unresolved.FAIL);
        assertThat(profile.customers().companyOrders()).isEqualTo(CustomerMapping.CompanyOrders.COMPANY_ACCOUNT);
        assertThat(profile.customers().lookupByEmail()).isFalse();
        assertThat(profile.customers().lookupByEmailEnabled()).isFalse();
        assertThat(profile.deliveryModes().map("tablerate_bestway")).isEqualTo("20");
        assertThat(profile.deliveryModes().map("dhl_express")).isEqualTo("10");
        assertThat(profile.paymentMethods().map("unknown")).isEmpty();
        assertThat(profile.items().mode()).isEqualTo(ItemMapping.Mode.IDENTITY);
        assertThat(profile.items().unitSymbol()).isEqualTo("ea");
        assertThat(profile.shipping()).isEqualTo(new ShippingMapping(ShippingMapping.Mode.CHARGE_LINE, "FREIGHT", "Shipping"));
        assertThat(profile.discounts().orderLevel()).isEqualTo(DiscountMapping.OrderLevel.SPREAD);
    }

    @Test
    void overrideMergesKeyByKeyReplacesListsAndRemovesWithNull() {
        MappingProfile profile = withOverride("""
                legalEntities: [usmf, demf, gbsi]
                stores:
                  eu_en: ~
                  uk_en: {legalEntity: gbsi, languageId: en-gb, currency: GBP}
                  default: {warehouse: "24"}
                customers:
                  guestAccounts: {gbsi: GB-0001}
                deliveryModes:
                  codes: {dhl_express: AIR}
                """);

        assertThat(profile.legalEntities()).containsExactly("usmf", "demf", "gbsi");
        assertThat(profile.stores()).containsOnlyKeys("default", "uk_en");
        assertThat(profile.store("default")).contains(new StoreMapping("usmf", "en-us", "USD", "24", "1"));
        assertThat(profile.store("uk_en")).contains(new StoreMapping("gbsi", "en-gb", "GBP", null, null));
        assertThat(profile.customers().guestAccounts()).containsEntry("usmf", "US-027").containsEntry("gbsi", "GB-0001");
        assertThat(profile.deliveryModes().map("dhl_express")).isEqualTo("AIR");
        assertThat(profile.deliveryModes().map("flatrate_flatrate")).isEqualTo("10");
    }

    @Test
    void everyScalarStaysTextAsTyped() {
        MappingProfile profile = withOverride("""
                stores:
                  default: {warehouse: 011, site: 1e3, languageId: "no"}
                items:
                  table: {"0012": " 0012", "true": yes}
                """);

        assertThat(profile.store("default").orElseThrow().warehouse()).isEqualTo("011");
        assertThat(profile.store("default").orElseThrow().site()).isEqualTo("1e3");
        assertThat(profile.store("default").orElseThrow().languageId()).isEqualTo("no");
        assertThat(profile.items().itemNumber("0012")).contains(" 0012");
        assertThat(profile.items().itemNumber("true")).contains("yes");
    }

    @Test
    void anEmptyValueInAnOverrideRemovesTheDefaultsEntry() {
        // YAML reads "warehouse:" as null, the override's way to remove a default entry
        assertThat(withOverride("stores: {eu_en: {warehouse: }}\n").store("eu_en").orElseThrow().warehouseId()).isEmpty();
    }

    @Test
    void overrideFileIsReadFromThePathGiven(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("profile.yaml");
        Files.writeString(file, "shipping: {mode: ignore}\n");

        assertThat(MappingProfileLoader.load(Optional.of(file)).shipping().mode()).isEqualTo(ShippingMapping.Mode.IGNORE);
    }

    @Test
    void unreadableOverrideFileNamesTheProperty(@TempDir Path dir) {
        assertThatThrownBy(() -> MappingProfileLoader.load(Optional.of(dir.resolve("missing.yaml"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("bridge.mapping.profile (app setting BRIDGE_MAPPING_PROFILE): cannot read")
                .hasMessageContaining("missing.yaml");
    }

    @Test
    void unknownKeysAreAllRejectedWithTheirPathAndTheAllowedKeys() {
        assertThat(problemsOf("""
                stores:
                  eu_en: {warehose: "12"}
                shiping: {mode: ignore}
                items:
                  prefixRules: [{commercePrefix: EU-, prefix: ""}]
                """)).containsExactlyInAnyOrder(
                "stores.eu_en.warehose: unknown key; allowed here: [currency, languageId, legalEntity, site, warehouse]",
                "shiping: unknown key; allowed here: [catalogSync, customerSync, customers, deliveryModes, discounts, inventorySync, items,"
                        + " legalEntities, paymentMethods, shipping, stores]",
                "items.prefixRules[0].prefix: unknown key; allowed here: [commercePrefix, itemPrefix]");
    }

    @Test
    void enumValuesOutsideTheChoicesNameKeyAndChoices() {
        assertThat(problemsOf("shipping: {mode: charge}\n"))
                .containsExactly("shipping.mode: 'charge' is not one of [charge-line, ignore]");
    }

    @Test
    void lookupByEmailIsTrueOrFalseAndNothingElse() {
        assertThat(withOverride("customers: {lookupByEmail: true}\n").customers().lookupByEmailEnabled()).isTrue();
        assertThat(withOverride("customers: {lookupByEmail: false}\n").customers().lookupByEmailEnabled()).isFalse();
        assertThat(problemsOf("customers: {lookupByEmail: yes}\n"))
                .containsExactly("customers.lookupByEmail: 'yes' is not one of [true, false]");
    }

    @Test
    void wrongShapesAndEmptyValuesNameTheKey() {
        assertThat(problemsOf("stores: {eu_en: {legalEntity: [demf]}}\n"))
                .containsExactly("stores.eu_en.legalEntity: must be a single value, not a list or section");
        assertThat(problemsOf("legalEntities: [usmf, ~]\n"))
                .singleElement().asString().startsWith("legalEntities[1]: has no value");
    }

    @Test
    void duplicateKeysAndBrokenYamlAreRefused() {
        assertThat(problemsOf("shipping: {mode: ignore}\nshipping: {mode: charge-line}\n"))
                .singleElement().asString().startsWith("override file: not valid YAML").contains("duplicate key shipping");
        assertThat(problemsOf("stores: [unclosed\n")).singleElement().asString().startsWith("override file: not valid YAML");
    }

    @Test
    void theExceptionTitleNamesTheSources() {
        assertThatThrownBy(() -> withOverride("legalEntities: []\n"))
                .hasMessageContaining("Invalid mapping profile (test override):")
                .hasMessageContaining("legalEntities: must list at least one D365 legal entity");
    }
}
