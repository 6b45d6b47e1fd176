package dev.keel.services.spi;

import java.lang.reflect.Type;

/** How a generated remote stub sends a call; implemented by keel-services. */
public interface RemoteCalls {
  /**
   * Calls {@code method} in the process that hosts the component and returns its decoded result
   * ({@code null} for {@code void}). Throws what the remote method threw, mapped back to the same
   * type, or an {@link dev.keel.core.HttpException} of a {@link dev.keel.services.ServicesProblems}
   * kind when the call itself failed.
   *
   * @param idempotent whether the method is marked {@link dev.keel.services.Idempotent}
   * @param returns the return type, {@code void.class} for none
   * @param names the parameter names, in order
   * @param arguments the arguments, in the order of {@code names}
   */
  Object call(String method, boolean idempotent, Type returns, String[] names, Object[] arguments);
}
