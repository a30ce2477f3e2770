// The README's snippet ran in a project of its own and wrote what it says it writes.
def out = new File(basedir, 'cutover-check')
['immutableid-fixes.csv', 'validation.csv', 'validation.html'].each { name ->
    def file = new File(out, name)
    assert file.isFile() && file.length() > 0 : "the README snippet did not write ${file}"
}
assert new File(out, 'validation.csv').readLines().size() > 1 : 'validation.csv holds no row'
assert new File(out, 'validation.html').getText('UTF-8').contains('<html') : 'validation.html is not a page'
println "consumer-embedding: the README snippet compiled against the published artifacts, ran and wrote ${out.list().sort()}"
return true
