package org.exchangehub.ops;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.security.AccessController;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.remote.MBeanServerForwarder;
import javax.security.auth.Subject;

/**
 * Lets remote JMX viewers read and operators do everything: an MBean server forwarder that refuses operations,
 * attribute writes and MBean (un)registration to a subject without the operator role.
 */
final class RoleCheckingForwarder implements InvocationHandler {

    private static final Set<String> WRITES = Set.of("invoke", "setAttribute", "setAttributes", "createMBean",
            "registerMBean", "unregisterMBean", "instantiate", "getClassLoader", "getClassLoaderFor",
            "getClassLoaderRepository", "deserialize");

    private MBeanServer target;

    private RoleCheckingForwarder() {
    }

    static MBeanServerForwarder create() {
        return (MBeanServerForwarder) Proxy.newProxyInstance(MBeanServerForwarder.class.getClassLoader(),
                new Class<?>[] {MBeanServerForwarder.class}, new RoleCheckingForwarder());
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "getMBeanServer":
                return target;
            case "setMBeanServer":
                target = (MBeanServer) args[0];
                return null;
            default:
                break;
        }
        if (WRITES.contains(method.getName()) && !isOperator()) {
            throw new SecurityException("Access denied: " + method.getName() + " needs the operator role");
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("removal")
    private static boolean isOperator() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject == null) {
            return true; // a local call inside the hub, not a remote client
        }
        return subject.getPrincipals(OpsJmxAuthenticator.RolePrincipal.class).stream()
                .anyMatch(p -> OpsUsers.OPERATOR.equals(p.getName()));
    }
}
