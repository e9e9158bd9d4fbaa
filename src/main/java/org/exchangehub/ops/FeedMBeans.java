package org.exchangehub.ops;

import java.lang.management.ManagementFactory;

import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import org.exchangehub.feed.FeedConsumer;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.state.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Keeps one feed MBean ({@code exchangehub:type=Feed,name=<feed id>}) registered in the platform MBean server
 * for every running feed: registered when the feed starts, unregistered when it stops.
 */
final class FeedMBeans implements FeedRegistry.Listener, DisposableBean {

    static final String DOMAIN = "exchangehub";
    private static final Logger LOG = LoggerFactory.getLogger(FeedMBeans.class);

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final FeedRegistry registry;
    private final StateStore state;
    private final RejectReplayer replayer;
    private final Masking masking;

    FeedMBeans(FeedRegistry registry, StateStore state, RejectReplayer replayer, Masking masking) {
        this.registry = registry;
        this.state = state;
        this.replayer = replayer;
        this.masking = masking;
        registry.addListener(this);
    }

    static ObjectName name(String feedId) {
        try {
            String value = feedId.matches("[A-Za-z0-9._-]+") ? feedId : ObjectName.quote(feedId);
            return new ObjectName(DOMAIN + ":type=Feed,name=" + value);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("feed id " + feedId + " cannot name an MBean", e);
        }
    }

    @Override
    public void feedStarted(FeedConsumer feed) {
        ObjectName name = name(feed.feedId());
        try {
            unregister(name); // a feed restarted by a route reload gets a fresh MBean
            server.registerMBean(new StandardMBean(new FeedControl(feed, state, replayer, masking),
                    FeedControlMXBean.class, true), name);
        } catch (InstanceAlreadyExistsException e) {
            LOG.warn("feed {}: an MBean {} already exists", feed.feedId(), name);
        } catch (Exception e) {
            LOG.warn("feed {}: cannot register its MBean: {}", feed.feedId(), e.getMessage());
        }
    }

    @Override
    public void feedStopped(FeedConsumer feed) {
        unregister(name(feed.feedId()));
    }

    private void unregister(ObjectName name) {
        try {
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
        } catch (InstanceNotFoundException e) {
            // gone meanwhile
        } catch (Exception e) {
            LOG.warn("cannot unregister MBean {}: {}", name, e.getMessage());
        }
    }

    @Override
    public void destroy() {
        registry.removeListener(this);
        registry.feeds().forEach(this::feedStopped);
    }
}
