assert new File(basedir, 'target/classes/module-info.class').isFile()
assert new File(basedir, 'target/classes/org/example/anchors/Convert.class').isFile()
return true
