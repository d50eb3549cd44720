package minet.ui.properties;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InputsTest {
    @Test void cidrs() {
        assertThat(Inputs.cidr("10.0.0.0/24")).isNull();
        assertThat(Inputs.cidr(" 2001:db8::/64 ")).isNull();
        assertThat(Inputs.cidr("10.0.0.0")).contains("needs a prefix length");
        assertThat(Inputs.cidr("10.0.0.0/24x")).contains("not a CIDR");
        assertThat(Inputs.cidr("10.0.0.128/24")).contains("did you mean 10.0.0.0/24");
        assertThat(Inputs.cidrList("10.0.0.0/16, 10.1.0.0/16", true)).isNull();
        assertThat(Inputs.cidrList(" ", true)).isNotNull();
        assertThat(Inputs.cidrList(" ", false)).isNull();
    }

    @Test void nsgFields() {
        assertThat(Inputs.addressPrefixes("*, VirtualNetwork, AzureLoadBalancer, 10.0.0.0/24, 168.63.129.16")).isNull();
        assertThat(Inputs.addressPrefixes("10.0.0.300")).contains("not an address");
        assertThat(Inputs.addressPrefixes("Storage.WestEurope")).isNull();
        assertThat(Inputs.addressPrefixes("rm -rf /")).contains("neither");
        assertThat(Inputs.ports("9000, 9003, 1438, 1440, 1452")).isNull();
        assertThat(Inputs.ports("11000-11999")).isNull();
        assertThat(Inputs.ports("2000-1000")).contains("reversed");
        assertThat(Inputs.ports("80-90-100")).isNotNull();
        assertThat(Inputs.priority("4096")).isNull();
        assertThat(Inputs.priority("4097")).isNotNull();
        assertThat(Inputs.normalizedProtocol("UDP")).isEqualTo("Udp");
        assertThat(Inputs.protocol("gre")).isNotNull();
    }

    @Test void lists() {
        assertThat(Inputs.list(" a, ,b ,c ")).containsExactly("a", "b", "c");
        assertThat(Inputs.list("")).isEmpty();
    }
}
