// Pastes the README's embedding snippet into a fresh project: its imports on top of Main.java, its statements as the
// body of main. readme and samples are set by the examples module's pom (scriptVariables).

def text = new File(readme).getText('UTF-8')
def section = text.indexOf('\n## Embedding the library in your own tooling')
assert section >= 0 : "README.md has no section '## Embedding the library in your own tooling'"
def open = text.indexOf('```java\n', section)
def close = text.indexOf('\n```', open + 8)
assert open >= 0 && close > open : 'the embedding section has no java snippet'
def lines = text.substring(open + 8, close).readLines()
def imports = lines.findAll { it.startsWith('import ') }
def body = lines.findAll { !it.startsWith('import ') }
assert !imports.isEmpty() : 'the README snippet shows no imports'
assert body.any { it.contains('CutoverCheck.of(') } : 'the README snippet is not the CutoverCheck example'

def main = new File(basedir, 'src/main/java/Main.java')
main.parentFile.mkdirs()
main.setText(imports.join('\n') + '\n\n'
        + '/** The README\'s embedding snippet, as pasted into a project of its own. */\n'
        + 'public final class Main {\n'
        + '    public static void main(String[] args) throws Exception {\n'
        + body.collect { it.isEmpty() ? '' : '        ' + it }.join('\n') + '\n'
        + '    }\n'
        + '}\n', 'UTF-8')

['adusers.csv', 'entrausers.csv'].each { name ->
    new File(basedir, name).bytes = new File(samples, name).bytes
}
println "consumer-embedding: Main.java holds the README snippet (${imports.size()} imports, ${body.size()} lines)"
return true
