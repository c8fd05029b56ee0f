package io.keyrail.cli; public final class Placeholder {}
