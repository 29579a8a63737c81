package com.rides.config;

/** A setting is wrong; the message is the one line the user sees. */
public class ConfigException extends com.rides.RidesException {
    public ConfigException(String message) {
        super(message);
    }
}
