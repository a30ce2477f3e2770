// The build must have failed for the one reason that matters: core does not export its internal package.
def log = new File(basedir, 'build.log').text
assert log.contains('package dev.oktaentra.core.internal is not visible') : 'the compiler did not refuse core.internal'
assert log.contains('does not export it')
return true
