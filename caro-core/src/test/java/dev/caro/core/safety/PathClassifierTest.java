package dev.caro.core.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.caro.api.context.ExecutionContext;
import dev.caro.api.safety.PathKind;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.ShellScript;
import dev.caro.api.shell.SimpleCommand;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PathClassifierTest {

    private static final ExecutionContext CONTEXT = ExecutionContext.linux("/home/user/project", "/home/user");
    private static final SafetyEngine ENGINE = new SafetyEngine(List.of());

    /** The kind of the last argument of the last command named {@code target} in {@code command}. */
    private static PathKind kindOfLastArg(String command, ExecutionContext context) {
        ShellScript script = ENGINE.parse(command, context);
        RuleContext rc = ENGINE.ruleContext(script, context);
        SimpleCommand c = script.commands().get(script.commands().size() - 1);
        return rc.classify(c, c.args().get(c.args().size() - 1));
    }

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("rm -rf /", PathKind.ROOT),
                Arguments.of("rm -rf /*", PathKind.ROOT),
                Arguments.of("rm -rf //", PathKind.ROOT),
                Arguments.of("rm -rf /usr/..", PathKind.ROOT),
                Arguments.of("D=/; rm -rf $D", PathKind.ROOT),
                Arguments.of("cd / && rm -rf *", PathKind.ROOT),
                Arguments.of("dd of=x bs=1 if=/dev/sda", PathKind.DEVICE),
                Arguments.of("wipefs -a /dev/nvme0n1p2", PathKind.DEVICE),
                Arguments.of("cat /dev/disk/by-id/usb-x", PathKind.DEVICE),
                Arguments.of("echo x > /dev/null; ls /dev/null", PathKind.TEMP),
                Arguments.of("ls /dev/stdout", PathKind.TEMP),
                Arguments.of("exec 3<>/dev/tcp/10.0.0.1/80; cat /dev/tcp/10.0.0.1/80", PathKind.OUTSIDE_CWD),
                Arguments.of("rm -rf /etc", PathKind.SYSTEM),
                Arguments.of("rm -rf /etc/", PathKind.SYSTEM),
                Arguments.of("rm -rf /usr/lib64", PathKind.SYSTEM),
                Arguments.of("rm -rf /bin /sbin /lib", PathKind.SYSTEM),
                Arguments.of("rm -rf /lib32", PathKind.SYSTEM),
                Arguments.of("rm -rf /boot/efi", PathKind.SYSTEM),
                Arguments.of("rm -rf /var/lib/docker", PathKind.SYSTEM),
                Arguments.of("rm -rf /var", PathKind.SYSTEM),
                Arguments.of("rm -rf /opt/app", PathKind.SYSTEM),
                Arguments.of("rm -rf /srv", PathKind.SYSTEM),
                Arguments.of("rm -rf /sys/fs", PathKind.SYSTEM),
                Arguments.of("rm -rf /proc/1", PathKind.SYSTEM),
                Arguments.of("rm -rf /home", PathKind.SYSTEM),
                Arguments.of("rm -rf /etc/*.conf", PathKind.SYSTEM),
                Arguments.of("rm -rf /*.bak", PathKind.SYSTEM),
                Arguments.of("rm -rf /usr/{lib,bin}", PathKind.SYSTEM),
                Arguments.of("rm -rf ~", PathKind.HOME),
                Arguments.of("rm -rf ~/", PathKind.HOME),
                Arguments.of("rm -rf $HOME", PathKind.HOME),
                Arguments.of("rm -rf \"${HOME}\"", PathKind.HOME),
                Arguments.of("rm -rf ~/*", PathKind.HOME),
                Arguments.of("rm -rf $HOME/*", PathKind.HOME),
                Arguments.of("rm -rf ~/.*", PathKind.HOME),
                Arguments.of("rm -rf \"$HOME\"/.[!.]*", PathKind.HOME),
                Arguments.of("rm -rf ~/!(Documents)", PathKind.HOME), // extglob: everything but Documents
                Arguments.of("rm -rf /!(proc|sys)", PathKind.ROOT),
                Arguments.of("rm -f /etc/*.@(bak|old)", PathKind.SYSTEM),
                Arguments.of("rm -rf /home/user", PathKind.HOME),
                Arguments.of("rm -rf /home/bob", PathKind.HOME),
                Arguments.of("rm -rf /root", PathKind.HOME),
                Arguments.of("rm -rf ~/$X", PathKind.HOME),
                Arguments.of("rm -rf ..", PathKind.HOME),
                Arguments.of("cd .. && rm -rf *", PathKind.HOME),
                Arguments.of("rm -rf \"$DIR\"/build", PathKind.UNKNOWN),
                Arguments.of("rm -rf $DIR", PathKind.UNKNOWN),
                Arguments.of("rm -rf \"$(git rev-parse --show-toplevel)/..\"", PathKind.UNKNOWN),
                Arguments.of("rm -rf `cat dir.txt`/x", PathKind.UNKNOWN),
                Arguments.of("rm -rf `pwd`/x", PathKind.INSIDE_CWD),
                Arguments.of("cp x --target-directory=/etc", PathKind.SYSTEM),
                Arguments.of("cd $X && rm -rf *", PathKind.UNKNOWN),
                Arguments.of("rm -rf ~/Downloads/old", PathKind.OUTSIDE_CWD),
                Arguments.of("rm -rf ~/*.log", PathKind.OUTSIDE_CWD),
                Arguments.of("rm -rf ../other-project", PathKind.OUTSIDE_CWD),
                Arguments.of("rm -rf /mnt/backup", PathKind.OUTSIDE_CWD),
                Arguments.of("rm -rf \"${DIR:?}/\"", PathKind.OUTSIDE_CWD),
                Arguments.of("rm -rf .", PathKind.CWD),
                Arguments.of("rm -rf ./", PathKind.CWD),
                Arguments.of("rm -rf *", PathKind.CWD),
                Arguments.of("rm -rf ./*", PathKind.CWD),
                Arguments.of("rm -rf .[!.]*", PathKind.CWD),
                Arguments.of("rm -rf !(node_modules)", PathKind.CWD),
                Arguments.of("rm -rf /home/user/project", PathKind.CWD),
                Arguments.of("rm -rf ./build", PathKind.INSIDE_CWD),
                Arguments.of("rm -rf build/", PathKind.INSIDE_CWD),
                Arguments.of("rm -rf node_modules", PathKind.INSIDE_CWD),
                Arguments.of("rm -rf *.o", PathKind.INSIDE_CWD),
                Arguments.of("rm -rf build/../dist", PathKind.INSIDE_CWD),
                Arguments.of("rm -rf ./$X", PathKind.CWD),
                Arguments.of("rm -rf /tmp", PathKind.TEMP),
                Arguments.of("rm -rf /tmp/build", PathKind.TEMP),
                Arguments.of("rm -rf /tmp/$X", PathKind.TEMP),
                Arguments.of("rm -rf /var/tmp/x", PathKind.TEMP),
                Arguments.of("rm -rf \"$TMPDIR\"/x", PathKind.TEMP),
                Arguments.of("rm -rf \"$TMPDIR\"/../*", PathKind.UNKNOWN),
                Arguments.of("rm -rf \"$TMPDIR/\"*", PathKind.UNKNOWN), // unset on most Linux systems: /*
                Arguments.of("rm -rf \"${TMPDIR:-/tmp}\"/*", PathKind.TEMP),
                Arguments.of("rm -rf $HOME/../..", PathKind.ROOT),
                Arguments.of("rm -rf \"$(mktemp -d)\"", PathKind.TEMP),
                Arguments.of("cd /tmp/w && rm -rf *", PathKind.TEMP),
                Arguments.of("rd /s /q C:\\", PathKind.ROOT),
                Arguments.of("del /f /s /q C:\\*", PathKind.ROOT),
                Arguments.of("Remove-Item -Recurse -Force C:\\Windows\\System32", PathKind.SYSTEM),
                Arguments.of("Remove-Item -Recurse \"C:\\Program Files\"", PathKind.SYSTEM),
                Arguments.of("Remove-Item -Recurse $env:USERPROFILE\\*", PathKind.HOME),
                Arguments.of("Remove-Item -Recurse $env:TEMP\\build", PathKind.TEMP),
                Arguments.of("Remove-Item -Recurse D:\\data\\old", PathKind.OUTSIDE_CWD),
                Arguments.of("Format-Volume -Path \\\\.\\PhysicalDrive0", PathKind.DEVICE));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("table")
    void classifiesTheLastArgument(String command, PathKind expected) {
        assertEquals(expected, kindOfLastArg(command, CONTEXT));
    }

    @Test
    void aDeepWorkingDirectoryUnderASystemPathStillCountsAsTheProject() {
        ExecutionContext web = ExecutionContext.linux("/srv/www/site", "/home/user");
        assertEquals(PathKind.INSIDE_CWD, kindOfLastArg("rm -rf build", web));
        assertEquals(PathKind.SYSTEM, kindOfLastArg("rm -rf /srv/www", web));
        ExecutionContext etc = ExecutionContext.linux("/etc", "/home/user");
        assertEquals(PathKind.SYSTEM, kindOfLastArg("rm -rf nginx", etc));
        assertEquals(PathKind.SYSTEM, kindOfLastArg("rm -rf *", etc));
    }

    @Test
    void theWorkingDirectoryBeingHomeMakesItsEntriesHome() {
        ExecutionContext home = ExecutionContext.linux("/home/user", "/home/user");
        assertEquals(PathKind.HOME, kindOfLastArg("rm -rf *", home));
        assertEquals(PathKind.INSIDE_CWD, kindOfLastArg("rm -rf project/build", home));
    }

    @Test
    void classifiesPlainTextRelativeToTheContext() {
        RuleContext rc = ENGINE.ruleContext(ENGINE.parse("true", CONTEXT), CONTEXT);
        assertEquals(PathKind.HOME, rc.classify("~"));
        assertEquals(PathKind.HOME, rc.classify("$HOME/"));
        assertEquals(PathKind.OUTSIDE_CWD, rc.classify("~/.ssh"));
        assertEquals(PathKind.INSIDE_CWD, rc.classify("src/main"));
        assertEquals(PathKind.UNKNOWN, rc.classify("$X/y"));
        assertEquals(PathKind.UNKNOWN, rc.classify(""));
        assertEquals(PathKind.ROOT, rc.classify("C:\\"));
    }
}
