package com.rides.jobs;

import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;

/** One call on a cluster node's MBeans over its loopback JMX port, as nodetool makes them. */
final class NodeJmx {

    interface Call<T> {
        T on(MBeanServerConnection beans) throws IOException, JMException;
    }

    private NodeJmx() {
    }

    static <T> T call(int jmxPort, Call<T> call) {
        JMXServiceURL url;
        try {
            url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi");
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
        try (JMXConnector jmx = JMXConnectorFactory.connect(url)) {
            return call.on(jmx.getMBeanServerConnection());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the node with JMX port " + jmxPort, e);
        } catch (JMException e) {
            throw new IllegalStateException("JMX call on the node with JMX port " + jmxPort + " failed", e);
        }
    }
}
