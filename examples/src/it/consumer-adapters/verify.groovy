// Every library the consumer resolved must have the version oktaentra's build resolved (and tested) for it.
// testedDependencies: the examples module's own resolution, written by the build before the consumer builds ran.

def read(File file) {
    def versions = [:]
    file.eachLine { line ->
        def text = line.trim().replaceFirst(/ -- .*$/, '')
        def parts = text.split(':')
        if (parts.length >= 5 && !text.startsWith('The following')) {
            def key = parts.length == 6 ? "${parts[0]}:${parts[1]}:${parts[2]}:${parts[3]}" : "${parts[0]}:${parts[1]}:${parts[2]}"
            versions[key.toString()] = parts[parts.length - 2]
        }
    }
    return versions
}

def tested = read(new File(testedDependencies))
def resolved = read(new File(basedir, 'target/resolved-dependencies.txt'))
assert tested.size() > 50 : "the build's list is too short to be real: ${tested.size()} entries in ${testedDependencies}"
assert resolved.size() > 50 : "the consumer resolved too little to be real: ${resolved.size()}"

def wrong = resolved.findAll { key, version -> !key.startsWith('dev.oktaentra:') && tested[key] != version }
        .collect { key, version -> "${key} ${version} (the build tested ${tested[key] ?: 'nothing of that name'})" }
assert wrong.isEmpty() : "the consumer resolved versions oktaentra's build did not test; fix bom/pom.xml:\n  " + wrong.join('\n  ')

['net.java.dev.jna:jna:jar', 'org.jetbrains.kotlin:kotlin-stdlib:jar', 'io.projectreactor:reactor-core:jar',
 'io.jsonwebtoken:jjwt-api:jar'].each { key ->
    assert resolved.containsKey(key) : "the consumer did not resolve ${key}"
}
println "consumer-adapters: ${resolved.size()} libraries, each at the version the build tested"
return true
